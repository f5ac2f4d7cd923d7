using System.Collections.Concurrent;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.Tests.Common;

/// <summary>A channel turned on without <c>IntegrationBot:PublicBaseUrl</c> registers no webhook (README: "webhooks are
/// registered only when set"), and says so in the log, naming the setting.</summary>
public sealed class WebhookWithoutPublicAddressTests
{
    // Found turning Telegram (Token, WebhookSecret) and Viber (AuthToken) on without IntegrationBot__PublicBaseUrl: the
    // host started, registered no webhook and logged nothing about either channel, so the operator saw a running host
    // and people writing on Telegram or Viber got no answer (tried with a fake Bot API: no setWebhook call).
    [Fact]
    public async Task Telegram_and_Viber_on_without_a_public_address_are_named_in_a_warning()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        var settings = TelegramSettings.For(api);
        settings["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken;
        settings["IntegrationBot:Channels:Viber:ApiBaseUrl"] = "http://127.0.0.1:9";
        var log = new WarningLog();

        await using var host = await ChannelTestHost.StartAsync(settings, s => s.AddSingleton<ILoggerProvider>(log));
        // The registrations run in the background after the start; a warning, if any, comes at once.
        await log.TwoWarnings.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Contains(log.Lines, l => l.StartsWith("Telegram webhook not registered: IntegrationBot:PublicBaseUrl is not set", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.StartsWith("Viber webhook not registered: IntegrationBot:PublicBaseUrl is not set", StringComparison.Ordinal));
    }

    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public TaskCompletionSource TwoWarnings { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _lines.Enqueue(formatter(state, exception));
                if (_lines.Count(l => l.Contains("webhook not registered", StringComparison.Ordinal)) >= 2)
                {
                    TwoWarnings.TrySetResult();
                }
            }
        }

        public void Dispose()
        {
        }
    }
}

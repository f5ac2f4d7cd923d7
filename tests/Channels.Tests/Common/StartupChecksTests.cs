using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Tests.Telegram;
using IntegrationBot.Channels.Viber;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Tests.Common;

/// <summary>Issue 17.6: a webhook address Telegram cannot use stops the host at start with a clear message, and the Viber
/// webhook is registered only once the server listens (Viber calls it back at once).</summary>
public sealed class StartupChecksTests
{
    [Theory]
    [InlineData("http://bot.postojna.example", "HTTPS")]
    [InlineData("https://bot.postojna.example:8080", "443, 80, 88 or 8443")]
    [InlineData("not a url", "absolute")]
    public async Task A_public_address_Telegram_cannot_call_is_refused_at_start(string publicBaseUrl, string expected)
    {
        await using var api = await FakeTelegramApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelTestHost.StartAsync(TelegramSettings.For(api, publicBaseUrl)));

        Assert.Contains("IntegrationBot:PublicBaseUrl", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("https://bot.postojna.example")]
    [InlineData("https://bot.postojna.example:8443/")]
    public async Task A_public_https_address_on_an_accepted_port_starts(string publicBaseUrl)
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api, publicBaseUrl));

        await api.WaitForCallsAsync("setWebhook", 1);
    }

    [Fact]
    public async Task The_Viber_webhook_is_registered_only_after_the_server_started()
    {
        var client = new RecordingViberClient();
        using var started = new CancellationTokenSource();
        var registration = new ViberWebhookRegistration(
            client,
            Options.Create(new ViberOptions { AuthToken = FakeViberApi.AuthToken }),
            Options.Create(new ChannelsOptions { PublicBaseUrl = "https://bot.postojna.example" }),
            new StartedLifetime(started.Token),
            TimeProvider.System,
            NullLogger<ViberWebhookRegistration>.Instance);

        await registration.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, client.SetWebhookCalls);

        await started.CancelAsync();
        await client.FirstSetWebhook.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await registration.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class RecordingViberClient : IViberClient
    {
        private int _calls;

        public int SetWebhookCalls => Volatile.Read(ref _calls);

        public TaskCompletionSource FirstSetWebhook { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ViberApiResponse> SendMessageAsync(ViberSendMessage message, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ViberApiResponse> SetWebhookAsync(Uri url, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            FirstSetWebhook.TrySetResult();
            return Task.FromResult(new ViberApiResponse(ViberApiResponse.Ok, "ok"));
        }
    }

    private sealed class StartedLifetime(CancellationToken started) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => started;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

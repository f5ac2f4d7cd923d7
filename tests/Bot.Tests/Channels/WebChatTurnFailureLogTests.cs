using System.Net;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A web chat message whose turn fails. Walked in Arabic: a date typed in Arabic digits made the plan's turn throw; the
/// page showed the message as sent, no reply came, and the host's log had nothing (Telegram and Viber log theirs).
/// </summary>
public sealed class WebChatTurnFailureLogTests
{
    [Fact]
    public async Task A_failed_turn_answers_502_and_is_logged_as_an_error_without_the_message_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(logs: logs, services: s => s.AddSingleton<IBot>(new FailingOnMessages()));
        var chat = await host.OpenChatAsync(ct);

        var response = await host.SendAsync(chat, "my secret question", ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var line = Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains("Web chat message failed", line, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), line, StringComparison.Ordinal);
        Assert.DoesNotContain("my secret question", line, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.ConversationId, line, StringComparison.Ordinal);
    }

    /// <summary>Greets as any bot would (the conversation opens), and fails on every message.</summary>
    private sealed class FailingOnMessages : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.Activity.Type == ActivityTypes.Message
                ? throw new InvalidOperationException("the turn failed")
                : Task.CompletedTask;
    }
}

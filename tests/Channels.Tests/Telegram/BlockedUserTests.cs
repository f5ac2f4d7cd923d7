using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>Issue 17.3: after Telegram's 403 "bot was blocked by the user" no further send is attempted to that chat
/// (reminders, counselor messages) until the person writes again.</summary>
public sealed class BlockedUserTests
{
    [Fact]
    public async Task A_blocked_chat_gets_no_more_sends_until_the_person_writes_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        var store = host.Services.GetRequiredService<IOutboxStore>();
        var unreachable = host.Services.GetRequiredService<IUnreachableRecipients>();
        api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

        await TelegramWebhookTests.PostAsync(host.Client, TelegramEndToEndTests.Update(80, "hello"));
        await api.WaitForCallsAsync("sendMessage", 1);
        await WaitUntilAsync(async () => (await store.ListDeadLettersAsync(ct)).Count == 1);
        Assert.Equal(UnreachableReason.Blocked, unreachable.ReasonFor("telegram", "4242"));

        // A proactive message (a reminder, a counselor's reply) is not attempted: it is dead-lettered as unreachable.
        var adapter = new TurnRunner(host.Services.GetRequiredService<BotRuntime>());
        var reference = new ConversationReference("telegram", new ConversationAccount("4242"),
            new ChannelAccount("4242", "Ana", RoleTypes.User), new ChannelAccount("123456", null, RoleTypes.Bot));
        await adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync("Reminder: your appointment", token), ct);
        await WaitUntilAsync(async () => (await store.ListDeadLettersAsync(ct)).Count == 2);
        var skipped = (await store.ListDeadLettersAsync(ct)).Single(d => d.Activity.Text == "Reminder: your appointment");
        Assert.StartsWith("unreachable", skipped.LastError);
        Assert.Single(api.CallsTo("sendMessage"));

        // The person unblocks and writes: the mark is gone and the answer goes out.
        await TelegramWebhookTests.PostAsync(host.Client, TelegramEndToEndTests.Update(81, "I am back"));
        var calls = await api.WaitForCallsAsync("sendMessage", 2);
        Assert.Equal("you said: I am back", calls[1].Parameters["text"]!.GetValue<string>());
        Assert.Null(unreachable.ReasonFor("telegram", "4242"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

using System.Diagnostics;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>
/// Issue 17.1, measured end to end: an announcement of two messages to 1,000 chats, committed at once through the real
/// runtime, outbox and Telegram client, against a fake Bot API that refuses more than 30 messages a second (as Telegram
/// does). Paced by the host, at most 1% of attempts meet 429; every chat gets both messages once, in order.
/// </summary>
public sealed class PacedAnnouncementTests
{
    private const int Chats = 1000;

    [Fact]
    public async Task Two_messages_to_a_thousand_chats_go_out_under_the_limit_none_lost_or_doubled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        api.LimitTo(30);
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        var adapter = new TurnRunner(host.Services.GetRequiredService<BotRuntime>());
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Chats), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (chat, token) =>
        {
            var reference = new ConversationReference("telegram", new ConversationAccount($"{100_000 + chat}"),
                new ChannelAccount($"{100_000 + chat}", null, RoleTypes.User), new ChannelAccount("123456", null, RoleTypes.Bot));
            await adapter.ContinueConversationAsync(reference, async (turn, t) =>
            {
                await turn.SendActivityAsync($"Announcement {chat}: the office is closed on Friday.", t);
                await turn.SendActivityAsync($"Announcement {chat}: see you on Monday.", t);
            }, token);
        });
        var committed = clock.Elapsed;

        // Generous: about 80 s at the default 25 messages a second, far more on a busy machine.
        var attempts = await api.WaitForCallsAsync("sendMessage", (Chats * 2) + api.RateLimited, TimeSpan.FromMinutes(8));
        while (attempts.Count < (Chats * 2) + api.RateLimited)
        {
            attempts = await api.WaitForCallsAsync("sendMessage", (Chats * 2) + api.RateLimited, TimeSpan.FromMinutes(2));
        }

        var delivered = attempts.Count - api.RateLimited;
        var byChat = attempts.GroupBy(c => c.Parameters["chat_id"]!.ToString()).ToDictionary(g => g.Key, g => g.Select(c => c.Parameters["text"]!.GetValue<string>()).Distinct().ToList());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"paced announcement: {Chats} chats x 2 committed in {committed.TotalSeconds:F1} s; {attempts.Count} attempts, {api.RateLimited} met 429 " +
            $"({100.0 * api.RateLimited / attempts.Count:F2} %), {delivered} delivered, all by {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Chats * 2, delivered);
        Assert.Equal(Chats, byChat.Count);
        Assert.All(byChat, chat => Assert.Equal(2, chat.Value.Count));
        Assert.InRange(api.RateLimited, 0, attempts.Count / 100);
    }
}

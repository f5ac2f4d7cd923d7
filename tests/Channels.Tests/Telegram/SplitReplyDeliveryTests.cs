using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>A reply longer than one Telegram message goes out as parts; a fault on a later part must neither repeat the
/// earlier parts nor hide that the later one was not delivered.</summary>
public sealed class SplitReplyDeliveryTests
{
    // "you said: " + this is about 6,000 characters: two Telegram messages.
    private static readonly string LongText = string.Concat(Enumerable.Range(1, 200).Select(i => $"Sentence number {i:D3} of the reply. "));

    [Fact]
    public async Task Rate_limit_on_the_second_part_resends_only_that_part()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        api.SucceedNext("sendMessage");
        // Longer than the HTTP client holds a request for, so the outbox itself reschedules.
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 6", retryAfter: 6);

        await TelegramWebhookTests.PostAsync(host.Client, TelegramEndToEndTests.Update(70, LongText));

        var calls = await api.WaitForCallsAsync("sendMessage", 3, TimeSpan.FromSeconds(60));
        var texts = calls.Select(c => c.Parameters["text"]!.GetValue<string>()).ToList();
        Assert.StartsWith("you said: Sentence number 001", texts[0]);
        Assert.Equal(texts[1], texts[2]);
        Assert.DoesNotContain("Sentence number 001", texts[2]);
        Assert.EndsWith("Sentence number 200 of the reply.", texts[2]);
        Assert.Single(texts, t => t == texts[0]);
    }

    [Fact]
    public async Task A_second_part_Telegram_refuses_is_reported_while_the_first_stays_delivered_once()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        api.SucceedNext("sendMessage");
        api.FailNext("sendMessage", 400, "Bad Request: message is too long");
        var store = host.Services.GetRequiredService<IOutboxStore>();

        await TelegramWebhookTests.PostAsync(host.Client, TelegramEndToEndTests.Update(71, LongText));

        var calls = await api.WaitForCallsAsync("sendMessage", 2, TimeSpan.FromSeconds(60));
        var dead = await WaitForDeadLetterAsync(store);
        var refused = Assert.Single(dead);
        Assert.Contains("telegram 400", refused.LastError);
        Assert.EndsWith("Sentence number 200 of the reply.", refused.Activity.Text);
        Assert.DoesNotContain("Sentence number 001", refused.Activity.Text);
        Assert.StartsWith("you said: Sentence number 001", calls[0].Parameters["text"]!.GetValue<string>());
        Assert.Equal(2, api.CallsTo("sendMessage").Count);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> WaitForDeadLetterAsync(IOutboxStore store)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var dead = await store.ListDeadLettersAsync(TestContext.Current.CancellationToken);
            if (dead.Count > 0 || DateTime.UtcNow > deadline)
            {
                return dead;
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

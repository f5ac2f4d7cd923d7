using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Viber;

public sealed class ViberChannelSenderTests
{
    private static readonly Activity Reply = new()
    {
        Type = ActivityTypes.Message, ChannelId = "viber", Conversation = new ConversationAccount("01234567890A="), Text = "Zdravo",
    };

    private static async Task<(FakeViberApi Api, ChannelTestHost Host, IChannelSender Sender)> StartAsync()
    {
        var api = await FakeViberApi.StartAsync();
        var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        return (api, host, host.Services.GetServices<IChannelSender>().Single(s => s.ChannelId == "viber"));
    }

    [Fact]
    public async Task Too_many_requests_becomes_retry_after()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.AnswerNext("send_message", 12, "tooManyRequests");

            var result = await sender.SendAsync(Reply, TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.RetryAfter(ViberChannelSender.TooManyRequestsDelay), result);
        }
    }

    [Fact]
    public async Task Unsubscribed_user_fails_permanently_without_a_call()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            host.Services.GetRequiredService<IViberSubscribers>().MarkUnsubscribed("01234567890A=");

            var result = await sender.SendAsync(Reply, TestContext.Current.CancellationToken);

            Assert.True(result.Permanent);
            Assert.Empty(api.CallsTo("send_message"));
        }
    }

    [Fact]
    public async Task Not_subscribed_answer_is_permanent_and_marks_the_user()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.AnswerNext("send_message", 6, "receiverNotSubscribed");

            var result = await sender.SendAsync(Reply, TestContext.Current.CancellationToken);

            Assert.True(result.Permanent);
            Assert.True(host.Services.GetRequiredService<IViberSubscribers>().IsUnsubscribed("01234567890A="));
        }
    }

    [Fact]
    public async Task Long_reply_is_sent_as_parts_the_API_accepts()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            var text = string.Concat(Enumerable.Repeat("Za delovno dovoljenje se obrnite na Zavod za zaposlovanje. ", 300));

            var result = await sender.SendAsync(Reply with { Text = text }, TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.Delivered, result);
            Assert.True(api.CallsTo("send_message").Count >= 3);
        }
    }

    [Fact]
    public async Task A_connection_that_never_opens_is_retried_later_not_reported_as_unconfirmed()
    {
        using var stalled = new StalledListener();
        var settings = new Dictionary<string, string?>
        {
            ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
            ["IntegrationBot:Channels:Viber:BotName"] = "IntegrationBot Postojna",
            ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = stalled.BaseUrl,
            ["IntegrationBot:Channels:Viber:SendTimeout"] = "00:00:03",
        };
        await using var host = await ChannelTestHost.StartAsync(settings);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.ChannelId == "viber");

        var result = await sender.SendAsync(Reply, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.False(result.Permanent);
        Assert.DoesNotContain("unconfirmed", result.Reason);
    }
}

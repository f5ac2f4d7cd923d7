using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Telegram;

public sealed class TelegramChannelSenderTests
{
    private static async Task<(FakeTelegramApi Api, ChannelTestHost Host, IChannelSender Sender)> StartAsync(string? sendTimeout = null)
    {
        var api = await FakeTelegramApi.StartAsync();
        var settings = TelegramSettings.For(api);
        if (sendTimeout is not null)
        {
            settings["IntegrationBot:Channels:Telegram:SendTimeout"] = sendTimeout;
        }
        var host = await ChannelTestHost.StartAsync(settings);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.ChannelId == "telegram");
        return (api, host, sender);
    }

    [Fact]
    public async Task Long_rate_limit_becomes_retry_after_for_the_outbox()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.FailNext("sendMessage", 429, "Too Many Requests: retry after 40", retryAfter: 40);

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.RetryAfter(TimeSpan.FromSeconds(40)), result);
        }
    }

    [Fact]
    public async Task Blocked_by_the_user_is_a_permanent_failure()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
            Assert.True(result.Permanent);
        }
    }

    [Fact]
    public async Task Typing_is_sent_as_a_chat_action()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            var typing = TelegramActivityMapperTests.Reply(null) with { Type = ActivityTypes.Typing };

            var result = await sender.SendAsync(typing, TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.Delivered, result);
            Assert.Equal("typing", Assert.Single(api.CallsTo("sendChatAction")).Parameters["action"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Long_reply_arrives_in_order_as_several_messages_each_accepted_by_the_API()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            var text = string.Concat(Enumerable.Range(1, 300).Select(i => $"Korak {i}: prinesite potni list & dokazilo <A>. "));

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply(text), TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.Delivered, result);
            var parts = api.CallsTo("sendMessage");
            Assert.True(parts.Count >= 4);
            Assert.StartsWith("Korak 1:", parts[0].Parameters["text"]!.GetValue<string>());
            Assert.EndsWith("Korak 300: prinesite potni list &amp; dokazilo &lt;A&gt;.", parts[^1].Parameters["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Refused_html_is_resent_as_plain_text_instead_of_being_lost()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.FailNext("sendMessage", 400, "Bad Request: can't parse entities: unsupported start tag \"x\" at byte offset 0");

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("**Urnik** & <x>"), TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.Delivered, result);
            var retry = api.CallsTo("sendMessage")[1].Parameters;
            Assert.Equal("Urnik & <x>", retry["text"]!.GetValue<string>());
            Assert.Null(retry["parse_mode"]);
        }
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_not_sent_again_but_reported_as_unconfirmed()
    {
        var (api, host, sender) = await StartAsync(sendTimeout: "00:00:01");
        await using (api)
        await using (host)
        {
            // Longer than any attempt timeout the client had, so a resend on timeout would show as a second call.
            api.AnswerSlowlyNext("sendMessage", TimeSpan.FromSeconds(20));

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

            Assert.Single(api.CallsTo("sendMessage"));
            Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
            Assert.True(result.Permanent);
            Assert.Contains("unconfirmed", result.Reason);
        }
    }

    [Fact]
    public async Task A_server_error_is_resent()
    {
        var (api, host, sender) = await StartAsync();
        await using (api)
        await using (host)
        {
            api.FailNext("sendMessage", 502, "Bad Gateway");

            var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

            Assert.Equal(DeliveryResult.Delivered, result);
            Assert.Equal(2, api.CallsTo("sendMessage").Count);
        }
    }

    [Fact]
    public async Task A_connection_refused_before_anything_was_written_is_retried_later()
    {
        var settings = new Dictionary<string, string?>
        {
            ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
            ["IntegrationBot:Channels:Telegram:WebhookSecret"] = TelegramSettings.Secret,
            // Nothing listens on port 9 (discard) on loopback: the connection is refused before a byte of the request.
            ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        };
        await using var host = await ChannelTestHost.StartAsync(settings);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.ChannelId == "telegram");

        var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.False(result.Permanent);
    }

    [Fact]
    public async Task A_connection_that_never_opens_is_retried_later_not_reported_as_unconfirmed()
    {
        // A hanging connect ran into the send timeout, and a timed-out send counts as "may have arrived": the reply was
        // dead-lettered after one attempt although not a byte had been sent.
        using var stalled = new StalledListener();
        var settings = new Dictionary<string, string?>
        {
            ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
            ["IntegrationBot:Channels:Telegram:WebhookSecret"] = TelegramSettings.Secret,
            ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = stalled.BaseUrl,
            ["IntegrationBot:Channels:Telegram:SendTimeout"] = "00:00:03",
        };
        await using var host = await ChannelTestHost.StartAsync(settings);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.ChannelId == "telegram");

        var result = await sender.SendAsync(TelegramActivityMapperTests.Reply("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.False(result.Permanent);
        Assert.DoesNotContain("unconfirmed", result.Reason);
    }
}

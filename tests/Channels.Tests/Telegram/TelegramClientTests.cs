using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>The real Telegram.Bot client, through our resilient HttpClient, against the loopback fake.</summary>
public sealed class TelegramClientTests
{
    [Fact]
    public async Task Mapped_reply_is_accepted_by_the_Bot_API_with_html_parse_mode()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();
        var reply = TelegramActivityMapperTests.Reply("Use <b> & </i> freely; 2 < 3 **really**");

        foreach (var request in TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore()))
        {
            await client.SendRequest(request, TestContext.Current.CancellationToken);
        }

        var call = Assert.Single(api.CallsTo("sendMessage"));
        Assert.Equal("HTML", call.Parameters["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(42, call.Parameters["chat_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Fake_rejects_unescaped_html_like_Telegram_does()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            client.SendMessage(42, "line<br>break", ParseMode.Html, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("can't parse entities", error.Message);
    }

    [Fact]
    public async Task Short_429_is_retried_after_the_servers_retry_after()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var started = DateTime.UtcNow;

        var sent = await client.SendMessage(42, "hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("hi", sent.Text);
        Assert.Equal(2, api.CallsTo("sendMessage").Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Long_429_is_not_held_but_surfaces_its_retry_after()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 40", retryAfter: 40);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            client.SendMessage(42, "hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(40, error.Parameters?.RetryAfter);
        Assert.Single(api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Server_error_is_retried_with_backoff()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();
        api.FailNext("sendChatAction", 502, "Bad Gateway");

        await client.SendChatAction(42, ChatAction.Typing, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, api.CallsTo("sendChatAction").Count);
    }

    [Fact]
    public async Task Wrong_token_is_refused_by_the_fake()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        var settings = TelegramSettings.For(api);
        settings["IntegrationBot:Channels:Telegram:Token"] = "999:wrong";
        await using var host = await ChannelTestHost.StartAsync(settings);
        var client = host.Services.GetRequiredService<TelegramClientFactory>().Create();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => client.GetMe(TestContext.Current.CancellationToken));

        Assert.Equal(401, error.ErrorCode);
    }
}

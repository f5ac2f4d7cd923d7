using System.Net;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

public sealed class AbuseLimitTests
{
    [Fact]
    public async Task A_flooding_user_gets_429_while_another_user_is_still_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Limits:MessagesPerUserPerMinute"] = "5",
            ["IntegrationBot:Limits:MessagesPerIpPerMinute"] = "1000",
        });
        var flooder = await host.OpenChatAsync(ct);
        var other = await host.OpenChatAsync(ct);

        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => host.SendAsync(flooder, "spam " + i, ct)));
        var answered = await ChatHost.IdOfAsync(await host.SendAsync(other, "I need help with housing", ct), ct);

        Assert.Equal(5, flood.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(35, flood.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        await host.ReplyToAsync(other, answered, ct);
    }

    [Fact]
    public async Task Address_limit_caps_many_users_behind_one_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Limits:MessagesPerUserPerMinute"] = "100",
            ["IntegrationBot:Limits:MessagesPerIpPerMinute"] = "6",
        });
        var chats = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.OpenChatAsync(ct)));

        var sent = await Task.WhenAll(chats.SelectMany(c => new[] { host.SendAsync(c, "a", ct), host.SendAsync(c, "b", ct) }));

        Assert.Equal(6, sent.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, sent.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData("/api/telegram")]
    [InlineData("/api/viber")]
    public async Task Webhooks_are_limited_per_source_address(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Limits:WebhookCallsPerIpPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            statuses.Add((await host.Client.PostAsync(new Uri(path, UriKind.Relative), content, ct)).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [InlineData("/api/telegram")]
    [InlineData("/api/viber")]
    [InlineData("/v3/directline/conversations/x/activities")]
    public async Task Bodies_over_256_KB_are_refused_with_413(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        using var request = ChatHost.Request(HttpMethod.Post, path.Replace("/x/", $"/{chat.ConversationId}/", StringComparison.Ordinal), chat.Token);
        request.Content = new StringContent("{\"text\":\"" + new string('a', 300 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.SendAsync(request, ct)).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// <c>POST /v3/directline/tokens/refresh</c> cannot keep a token chain alive forever: no token of a chain outlives
/// MaxTokenRefreshHours after the chain's first token. The page then resumes through <c>/api/webchat/token</c>
/// (origin check, rate limit, conversation still kept), which starts a new chain.
/// </summary>
public sealed class TokenRefreshBoundTests
{
    [Fact]
    public async Task Refreshing_every_15_minutes_stops_at_the_bound_and_the_page_can_still_resume()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ChatHost(
            new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:MaxTokenRefreshHours"] = "24" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var chat = await host.OpenChatAsync(ct);
        var chainStart = clock.GetUtcNow();
        var bound = chainStart.AddHours(24);

        // Web Chat (botframework-directlinejs) refreshes every 15 minutes; try it for 30 hours.
        var token = chat.Token;
        var refused = false;
        for (var step = 0; step < 30 * 4 && !refused; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            var refresh = await RefreshAsync(host, token, ct);
            if (refresh.StatusCode == HttpStatusCode.OK)
            {
                var body = await refresh.Content.ReadFromJsonAsync<JsonElement>(ct);
                token = body.GetProperty("token").GetString()!;
                var expires = clock.GetUtcNow().AddSeconds(body.GetProperty("expires_in").GetInt32());
                Assert.True(expires <= bound, $"a refreshed token lives until {expires:u}, past the chain's bound {bound:u}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
                refused = true;
            }
        }

        Assert.True(refused, "the token chain was refreshed for 30 hours");
        Assert.True(clock.GetUtcNow() <= bound.AddMinutes(15), $"refused only at {clock.GetUtcNow():u}");

        // The page resumes its conversation as after a reload (ResumeHours), and that new chain refreshes again.
        var resume = await host.Client.PostAsJsonAsync(new Uri("/api/webchat/token", UriKind.Relative), new { resume = token }, ct);
        resume.EnsureSuccessStatusCode();
        var resumed = await resume.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(chat.ConversationId, resumed.GetProperty("conversationId").GetString());
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(host, resumed.GetProperty("token").GetString()!, ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> RefreshAsync(ChatHost host, string token, CancellationToken ct)
    {
        using var request = ChatHost.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        return await host.Client.SendAsync(request, ct);
    }
}

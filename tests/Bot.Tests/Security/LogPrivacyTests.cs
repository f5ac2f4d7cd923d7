using System.Net.Http.Headers;
using IntegrationBot.Bot.Tests.Privacy;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Nothing_a_user_writes_reaches_the_logs_even_at_trace_level()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(logs: logs);
        const string secret = "Amira Hadzic +386 41 555 123 SECRET-LOG-MARKER";

        for (var i = 0; i < 3; i++)
        {
            await ErasureTests.ChatWithMarkerAsync(host, secret, ct);
        }

        var chat = await host.OpenChatAsync(ct);
        using var broken = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        broken.Content = new StringContent("{\"text\":\"" + secret + "\", oops", new MediaTypeHeaderValue("application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await host.Client.SendAsync(broken, ct)).StatusCode);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("SECRET-LOG-MARKER", StringComparison.Ordinal)
            || l.Contains("555 123", StringComparison.Ordinal) || l.Contains("Hadzic", StringComparison.Ordinal));
    }
}

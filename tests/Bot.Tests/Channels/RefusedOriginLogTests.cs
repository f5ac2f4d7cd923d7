using System.Net;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>A website the host does not allow yet: the operator learns it from the host's log, once per website.</summary>
public sealed class RefusedOriginLogTests
{
    // Found embedding the snippet of docs/embedding.md before setting AllowedOrigins: the widget stayed empty, the
    // browser's console (which the operator does not see) showed a CORS error, and the host's log said nothing.
    [Fact]
    public async Task A_website_not_in_allowed_origins_is_named_in_one_warning_with_the_setting()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(logs: logs);

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
            request.Headers.Add("Origin", "https://www.postojna.si");
            Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(request, ct)).StatusCode);
        }

        // (ASP.NET Core's CORS middleware logs each refusal at Information, without the setting to change.)
        var warning = Assert.Single(logs.Lines, l => l.Contains("IntegrationBot__Channels__WebChat__AllowedOrigins", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains("Web chat refused a page at https://www.postojna.si", warning, StringComparison.Ordinal);
    }
}

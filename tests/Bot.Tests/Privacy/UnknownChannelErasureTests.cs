using System.Net;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Knowledge;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>An erasure or export for a channel id no person writes from is refused, not answered as done.</summary>
public sealed class UnknownChannelErasureTests
{
    // Found erasing a web chat person as "directline" (the web chat's protocol, not its channel id): 200 with every count
    // 0, which reads as "erased" while everything of the person stayed. An admin acting on a person's erasure request
    // must be told the channel id is wrong, and which ones there are.
    [Theory]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task A_channel_id_of_no_channel_is_a_400_that_names_the_channel_ids(string method)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var admin = await ConsoleSession.SignInAsync(host, "Boss", "sl", editor: false, ct, admin: true);
        var path = method == "GET" ? "/api/admin/users/directline/dl-42/export" : "/api/admin/users/directline/dl-42";

        var response = await admin.SendAsync(new HttpMethod(method), path, null, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("detail").GetString();
        Assert.Contains("directline", problem, StringComparison.Ordinal);
        foreach (var channel in new[] { "webchat", "telegram", "viber" })
        {
            Assert.Contains(channel, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("webchat", "webchat")]
    [InlineData("telegram", "telegram")]
    [InlineData("viber", "viber")]
    [InlineData("Telegram", "telegram")]
    public async Task The_channel_ids_of_the_channels_are_erased_whatever_their_case(string typed, string channel)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var admin = await ConsoleSession.SignInAsync(host, "Boss", "sl", editor: false, ct, admin: true);

        var erased = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/users/{typed}/nobody-1", null, ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(channel, JsonDocument.Parse(await erased.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("channelId").GetString());
        var export = await admin.GetAsync($"/api/admin/users/{typed}/nobody-1/export", ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(channel, JsonDocument.Parse(await export.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("channelId").GetString());
    }
}

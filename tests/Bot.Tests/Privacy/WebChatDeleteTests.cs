using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Flows.Localization;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>A web chat user's own /delete, over the real Direct Line endpoints on LiteDB.</summary>
public sealed class WebChatDeleteTests
{
    [Fact]
    public async Task Own_delete_erases_the_old_messages_and_the_confirmation_reaches_the_user()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        const string marker = "Hello, my name is Selma MARKER-b7e2 and I need help with a residence permit";
        var (chat, _) = await ErasureTests.ChatWithMarkerAsync(host, marker, ct);
        var (other, otherMarker) = await ErasureTests.ChatWithMarkerAsync(host, "Someone else KEEP-b7e2", ct);

        await DeleteOwnDataAndSeeConfirmationAsync(host, chat, "MARKER-b7e2", ct);

        // Nothing they wrote is left in any store; everybody else's conversation stayed.
        var dump = ErasureTests.Dump(host);
        Assert.DoesNotContain("MARKER-b7e2", dump, StringComparison.Ordinal);
        Assert.Contains(otherMarker, dump, StringComparison.Ordinal);
        Assert.Contains(otherMarker, JsonSerializer.Serialize(await host.ActivitiesAsync(other, ct)), StringComparison.Ordinal);
    }

    /// <summary>Says /delete and yes in the chat; asserts the confirmation is delivered both to a page reading from its
    /// watermark and to one reading from the start, and that the log holds nothing else (no <paramref name="marker"/>).</summary>
    internal static async Task DeleteOwnDataAndSeeConfirmationAsync(ChatHost host, WebChat chat, string marker, CancellationToken ct)
    {
        var confirm = await host.ReplyToAsync(chat, await ChatHost.IdOfAsync(await host.SendAsync(chat, "/delete", ct), ct), ct);
        var yes = confirm.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString()!;
        var watermarkBefore = await WatermarkAsync(host, chat, ct);
        var yesId = await ChatHost.IdOfAsync(await host.SendAsync(chat, yes, ct), ct);

        // What a connected page reads from its watermark on, and what a reloaded page reads from the start.
        var done = await host.ReplyToAsync(chat, yesId, ct);
        var fromStart = await host.ActivitiesAsync(chat, ct);
        var localizer = Localizer.LoadEmbedded();
        var confirmations = localizer.Languages.Select(language => localizer.Say(new Voice(language), "delete.done")).ToList();
        Assert.Contains(done.GetProperty("text").GetString(), confirmations);
        Assert.Equal([done.GetProperty("id").GetString()], fromStart.Select(a => a.GetProperty("id").GetString()));
        Assert.DoesNotContain(marker, JsonSerializer.Serialize(fromStart), StringComparison.Ordinal);
        Assert.Equal(done.GetProperty("id").GetString(), Assert.Single(await ActivitiesAfterAsync(host, chat, watermarkBefore, ct)).GetProperty("id").GetString());
    }

    private static async Task<long> WatermarkAsync(ChatHost host, WebChat chat, CancellationToken ct)
    {
        using var request = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        var body = await (await host.Client.SendAsync(request, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        return long.Parse(body.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<JsonElement>> ActivitiesAfterAsync(ChatHost host, WebChat chat, long watermark, CancellationToken ct)
    {
        using var request = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities?watermark={watermark}", chat.Token);
        var response = await host.Client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }
}

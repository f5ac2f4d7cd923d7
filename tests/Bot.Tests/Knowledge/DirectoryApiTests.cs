using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>/api/knowledge/directory on the real host: an editor changes an institution, it is live at once, versioned, validated.</summary>
public sealed class DirectoryApiTests
{
    private const string Entry = "/api/knowledge/directory/zd-postojna";
    private const string NewPhone = "05 700 12 34";

    [Fact]
    public async Task An_editor_changes_the_phone_of_the_health_centre_and_every_answer_using_it_shows_it_without_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var entry = await EntryAsync(editor, ct);
        Assert.True(entry["confirmed"]!.GetValue<bool>());
        entry["phone"] = NewPhone;

        var saved = await editor.PutAsync(Entry, entry, ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(NewPhone, body.GetProperty("phone").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32()); // the shipped entry, then the edit
        Assert.Equal("Mojca", body.GetProperty("author").GetString());
        foreach (var language in new[] { "sl", "en", "sq", "hbs", "ar" })
        {
            var answer = DirectoryPlaceholders.Fill(engine.Catalog.Find("doctor")!.AnswerIn(language), engine.Catalog.Directory, language, "ASK");
            Assert.Contains(NewPhone, answer, StringComparison.Ordinal);
        }

        var list = await (await editor.GetAsync("/api/knowledge/directory", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(NewPhone, list.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "zd-postojna").GetProperty("phone").GetString());
        Assert.True(list.GetArrayLength() >= 10);
    }

    [Fact]
    public async Task Names_in_a_language_the_editor_is_not_registered_for_cannot_be_changed_and_a_counselor_cannot_edit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var sqEditor = await ConsoleSession.SignInAsync(host, "Arben", "sq", editor: true, ct);
        using var counselor = await ConsoleSession.SignInAsync(host, "Ana", "sl,ar", editor: false, ct);
        var entry = await EntryAsync(sqEditor, ct);
        var arabic = entry.DeepClone().AsObject();
        arabic["names"]!["ar"] = "اسم آخر";

        Assert.Equal(HttpStatusCode.Forbidden, (await sqEditor.PutAsync(Entry, arabic, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PutAsync(Entry, entry, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync("/api/knowledge/directory", ct)).StatusCode);
        entry["names"]!["sq"] = "Qendra shëndetësore Postojna";
        Assert.Equal(HttpStatusCode.OK, (await sqEditor.PutAsync(Entry, entry, ct)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_entry_is_refused_with_kb_checks_messages_and_nothing_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en,sq,hbs,ar", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var entry = await EntryAsync(editor, ct);
        entry["map"] = "http://maps.example/zd";
        entry["source"] = null;
        entry["names"]!["en"] = "";

        var response = await editor.PutAsync(Entry, entry, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("directory.yaml: topic=zd-postojna field=map: 'http://maps.example/zd' is not an https URL", problems);
        Assert.Contains("directory.yaml: topic=zd-postojna field=source: missing (an https URL the fields come from)", problems);
        Assert.Contains("directory.yaml: topic=zd-postojna lang=en field=names: missing", problems);
        Assert.StartsWith("https://", engine.Catalog.Directory.Find("zd-postojna")!.Map, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/knowledge/directory/no-such-place", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutAsync(Entry, JsonNode.Parse("[1]")!, ct)).StatusCode);
    }

    private static async Task<JsonObject> EntryAsync(ConsoleSession session, CancellationToken ct)
    {
        var response = await session.GetAsync(Entry, ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
    }
}

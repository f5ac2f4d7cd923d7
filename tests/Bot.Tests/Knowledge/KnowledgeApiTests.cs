using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>/api/knowledge on the real host: editing rights, kb check validation, review marks, publish live, revert.</summary>
public sealed class KnowledgeApiTests
{
    private const string Topic = "/api/knowledge/topics/driving-licence";
    private const string OldFee = "18,10 €";
    private const string NewFee = "18,50 €";

    [Fact]
    public async Task Editor_changes_the_slovenian_fee_publishes_and_the_bot_answers_with_it_without_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var sl = await LanguageAsync(editor, "sl", ct);
        sl["details"] = sl["details"]!.GetValue<string>().Replace(OldFee, NewFee, StringComparison.Ordinal);

        var saved = await editor.PutAsync($"{Topic}/languages/sl", sl, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(OldFee, Answer(engine, "sl"), StringComparison.Ordinal); // a draft is not live

        var published = await editor.PostAsync($"{Topic}/publish", null, ct);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains(NewFee, Answer(engine, "sl"), StringComparison.Ordinal);
        var versions = await editor.GetAsync($"{Topic}/versions", ct);
        var list = await versions.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, list.GetArrayLength()); // the shipped text, then the edit
        Assert.Equal("Mojca", list[1].GetProperty("author").GetString());
        Assert.True(list[1].GetProperty("published").GetBoolean());
    }

    [Fact]
    public async Task Before_anything_is_published_from_the_console_the_shipped_version_is_the_published_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        var sl = await LanguageAsync(editor, "sl", ct);
        sl["details"] = sl["details"]!.GetValue<string>().Replace(OldFee, NewFee, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"{Topic}/languages/sl", sl, ct)).StatusCode);

        // People still get the shipped text, so the history must say that version 1 is the published one, not the draft.
        var list = await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("shipped", list[0].GetProperty("author").GetString());
        Assert.True(list[0].GetProperty("published").GetBoolean());
        Assert.False(list[1].GetProperty("published").GetBoolean());
    }

    [Fact]
    public async Task An_sq_editor_cannot_change_arabic_and_a_counselor_who_is_not_an_editor_cannot_edit_at_all()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var sqEditor = await ConsoleSession.SignInAsync(host, "Arben", "sq", editor: true, ct);
        using var counselor = await ConsoleSession.SignInAsync(host, "Ana", "sl,ar", editor: false, ct);
        var ar = await LanguageAsync(sqEditor, "ar", ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await sqEditor.PutAsync($"{Topic}/languages/ar", ar, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PutAsync($"{Topic}/languages/ar", ar, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync("/api/knowledge/topics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sqEditor.PutAsync($"{Topic}/languages/sq", await LanguageAsync(sqEditor, "sq", ct), ct)).StatusCode);
    }

    [Fact]
    public async Task Invalid_text_is_refused_with_kb_checks_messages_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        var sl = await LanguageAsync(editor, "sl", ct);
        sl["answer"] = new string('x', 901) + " {office.fax}";
        sl["keywords"] = new JsonArray();

        var response = await editor.PutAsync($"{Topic}/languages/sl", sl, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("topics/driving-licence.yaml: topic=driving-licence lang=sl field=answer: 914 characters, at most 600 (move the rest to details)", problems);
        Assert.Contains("topics/driving-licence.yaml: topic=driving-licence lang=sl field=answer: unknown placeholder {office.fax}", problems);
        Assert.Contains("topics/driving-licence.yaml: topic=driving-licence lang=sl field=keywords: missing", problems);
        Assert.Empty(await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement[]>(ct) ?? []);
    }

    [Fact]
    public async Task Saving_without_the_xsrf_header_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);

        var response = await editor.SendAsync(HttpMethod.Put, $"{Topic}/languages/sl", await LanguageAsync(editor, "sl", ct), ct, withXsrf: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement[]>(ct) ?? []);
    }

    [Fact]
    public async Task A_change_to_english_marks_the_other_languages_needs_review_until_their_speakers_save_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Eva", "en,sl", editor: true, ct);
        var en = await LanguageAsync(editor, "en", ct);
        en["details"] = en["details"]!.GetValue<string>().Replace("€18.10", "€18.50", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"{Topic}/languages/en", en, ct)).StatusCode);
        var statuses = await StatusesAsync(editor, ct);
        Assert.Equal("draft", statuses["en"]);
        Assert.All(new[] { "sl", "sq", "hbs", "ar" }, l => Assert.Equal("needsReview", statuses[l]));

        var sl = await LanguageAsync(editor, "sl", ct);
        sl["details"] = sl["details"]!.GetValue<string>().Replace(OldFee, NewFee, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"{Topic}/languages/sl", sl, ct)).StatusCode);
        statuses = await StatusesAsync(editor, ct);
        Assert.Equal("draft", statuses["en"]); // already changed in this round: not flagged again
        Assert.Equal("draft", statuses["sl"]);
        Assert.Equal("needsReview", statuses["sq"]);
    }

    [Fact]
    public async Task Revert_restores_the_old_answer_live()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var sl = await LanguageAsync(editor, "sl", ct);
        sl["details"] = sl["details"]!.GetValue<string>().Replace(OldFee, NewFee, StringComparison.Ordinal);
        await editor.PutAsync($"{Topic}/languages/sl", sl, ct);
        await editor.PostAsync($"{Topic}/publish", null, ct);
        Assert.Contains(NewFee, Answer(engine, "sl"), StringComparison.Ordinal);

        var reverted = await editor.PostAsync($"{Topic}/revert", new { version = 1 }, ct);

        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.Contains(OldFee, Answer(engine, "sl"), StringComparison.Ordinal);
        var versions = await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("revert", versions[2].GetProperty("change").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"{Topic}/revert", new { version = 99 }, ct)).StatusCode);
        // A version that cannot exist is a bad request that says so, not "no topic" for a topic that is there.
        var impossible = await editor.PostAsync($"{Topic}/revert", new { version = -1 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Contains("version", await impossible.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.DoesNotContain("No topic", await impossible.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_lists_every_topic_with_status_review_date_and_reviewer_per_language()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        await editor.PutAsync($"{Topic}/languages/sl", await LanguageAsync(editor, "sl", ct), ct);

        var topics = await (await editor.GetAsync("/api/knowledge/topics", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(host.Services.GetRequiredService<KnowledgeEngine>().Catalog.Topics.Count, topics.GetArrayLength());
        var licence = topics.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "driving-licence");
        Assert.False(string.IsNullOrEmpty(licence.GetProperty("category").GetString()));
        var sl = licence.GetProperty("languages").GetProperty("sl");
        Assert.Equal("published", sl.GetProperty("status").GetString()); // saved unchanged: same text as live
        Assert.Equal("Mojca", sl.GetProperty("reviewer").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), sl.GetProperty("reviewed").GetString());
        Assert.Equal("published", licence.GetProperty("languages").GetProperty("ar").GetProperty("status").GetString());
    }

    // The fees are in the details: the short answer (at most 600 characters) leaves them one tap away.
    private static string Answer(KnowledgeEngine engine, string language) => engine.Catalog.Find("driving-licence")!.DetailsIn(language)!;

    private static async Task<JsonObject> LanguageAsync(ConsoleSession session, string language, CancellationToken ct)
    {
        var response = await session.GetAsync(Topic, ct);
        response.EnsureSuccessStatusCode();
        var topic = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        return topic["languages"]![language]!.AsObject().DeepClone().AsObject();
    }

    private static async Task<Dictionary<string, string>> StatusesAsync(ConsoleSession session, CancellationToken ct)
    {
        var topic = JsonNode.Parse(await (await session.GetAsync(Topic, ct)).Content.ReadAsStringAsync(ct))!;
        return topic["languages"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["status"]!.GetValue<string>());
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Validation;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// Topics are added, their settings changed, and retired and restored through /api/knowledge on the real host (LiteDB),
/// each a version made live by publish and checked by kb check's code.
/// </summary>
public sealed class TopicLifecycleApiTests
{
    private const string Topic = "/api/knowledge/topics/" + ChessClubTopic.Id;

    [Fact]
    public async Task An_editor_adds_a_topic_writes_its_languages_publishes_it_and_the_bot_answers_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en,sq,hbs,ar", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();

        var created = await editor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = ChessClubTopic.Category, sources = new[] { ChessClubTopic.Source } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = "family" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync("/api/knowledge/topics", new { id = "housing", category = "housing" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/knowledge/topics", new { id = "Chess Club", category = "family" }, ct)).StatusCode);
        var listed = await ListedAsync(editor, ct);
        Assert.False(listed.GetProperty("live").GetBoolean());
        Assert.Equal("family", listed.GetProperty("category").GetString());

        await PublishCompleteTopicAsync(editor, ct);

        Assert.Equal(ChessClubTopic.Id, engine.Ask(ChessClubTopic.EnglishQuestion, forcedLanguage: "en").Topic);
        Assert.True((await ListedAsync(editor, ct)).GetProperty("live").GetBoolean());
        var versions = await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("create", versions[0].GetProperty("change").GetString());
        Assert.Equal("Mojca", versions[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task A_topic_added_without_sources_takes_its_languages_but_is_published_only_once_it_has_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en,sq,hbs,ar", editor: true, ct);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = ChessClubTopic.Category }, ct)).StatusCode);
        foreach (var language in Language.All)
        {
            var saved = await editor.PutAsync($"{Topic}/languages/{language}", ChessClubTopic.Language(language), ct);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(ct));
        }

        Assert.Contains(
            "topics/chess-club.yaml: topic=chess-club field=sources: at least one source URL is required",
            await ProblemsAsync(await editor.PostAsync($"{Topic}/publish", null, ct), ct));
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"{Topic}/settings", new { sources = new[] { ChessClubTopic.Source } }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Topic}/publish", null, ct)).StatusCode);
        Assert.Equal(ChessClubTopic.Id, host.Services.GetRequiredService<KnowledgeEngine>().Ask(ChessClubTopic.EnglishQuestion, forcedLanguage: "en").Topic);
    }

    [Fact]
    public async Task A_retired_topic_is_no_longer_answered_or_exported_once_published_and_restore_brings_it_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en,sq,hbs,ar", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        (await editor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = ChessClubTopic.Category, sources = new[] { ChessClubTopic.Source } }, ct)).EnsureSuccessStatusCode();
        await PublishCompleteTopicAsync(editor, ct);

        var retired = await editor.PostAsync($"{Topic}/retire", null, ct);

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(ChessClubTopic.Id, engine.Ask(ChessClubTopic.EnglishQuestion, forcedLanguage: "en").Topic); // a draft is not live
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"{Topic}/retire", null, ct)).StatusCode); // already retired
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Topic}/publish", null, ct)).StatusCode);

        var answer = engine.Ask(ChessClubTopic.EnglishQuestion, forcedLanguage: "en");
        Assert.NotEqual(ChessClubTopic.Id, answer.Topic);
        Assert.Equal(Decision.None, answer.Decision);
        Assert.Null(engine.Catalog.Find(ChessClubTopic.Id)); // the menu and search read the catalog
        var listed = await ListedAsync(editor, ct);
        Assert.True(listed.GetProperty("retired").GetBoolean());
        Assert.False(listed.GetProperty("live").GetBoolean());
        Assert.DoesNotContain($"topics/{ChessClubTopic.Id}.yaml", await ExportedFilesAsync(editor, ct));
        var versions = await (await editor.GetAsync($"{Topic}/versions", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("retire", versions.EnumerateArray().Last().GetProperty("change").GetString());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Topic}/restore", null, ct)).StatusCode);
        Assert.Null(engine.Catalog.Find(ChessClubTopic.Id)); // restored as a draft
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Topic}/publish", null, ct)).StatusCode);
        Assert.Equal(ChessClubTopic.Id, engine.Ask(ChessClubTopic.EnglishQuestion, forcedLanguage: "en").Topic);
        Assert.Contains($"topics/{ChessClubTopic.Id}.yaml", await ExportedFilesAsync(editor, ct));
    }

    [Fact]
    public async Task A_required_topic_or_one_another_topic_relates_to_cannot_be_retired_and_kb_check_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en,sq,hbs,ar", editor: true, ct);
        (await editor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = ChessClubTopic.Category, sources = new[] { ChessClubTopic.Source } }, ct)).EnsureSuccessStatusCode();
        await PublishCompleteTopicAsync(editor, ct);
        var related = await editor.PutAsync("/api/knowledge/topics/leisure-culture/settings", new { related = new[] { "public-transport", ChessClubTopic.Id } }, ct);
        Assert.True(related.StatusCode == HttpStatusCode.OK, await related.Content.ReadAsStringAsync(ct));
        (await editor.PostAsync("/api/knowledge/topics/leisure-culture/publish", null, ct)).EnsureSuccessStatusCode();

        Assert.Contains(
            "topics/housing.yaml: topic=housing: required topic is missing",
            await ProblemsAsync(await editor.PostAsync("/api/knowledge/topics/housing/retire", null, ct), ct));
        Assert.Contains(
            "topics/leisure-culture.yaml: topic=leisure-culture field=related: 'chess-club' is not a topic id",
            await ProblemsAsync(await editor.PostAsync($"{Topic}/retire", null, ct), ct));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/api/knowledge/topics/no-such-topic/retire", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/knowledge/topics/housing/restore", null, ct)).StatusCode); // not retired
    }

    [Fact]
    public async Task Category_sources_and_flags_change_through_settings_checked_by_kb_check_and_live_after_publish()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Ana", "sq", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var sources = engine.Catalog.Find("leisure-culture")!.Sources;

        var unknownFlag = await ProblemsAsync(await editor.PutAsync("/api/knowledge/topics/leisure-culture/settings", new { flags = new[] { "secret" } }, ct), ct);
        Assert.Contains("topics/leisure-culture.yaml: topic=leisure-culture field=flags: unknown flag 'secret' (known: sensitive, emergency, prerequisite)", unknownFlag);
        var badSource = await ProblemsAsync(await editor.PutAsync("/api/knowledge/topics/leisure-culture/settings", new { sources = new[] { "http://example.si/" } }, ct), ct);
        Assert.Contains(badSource, p => p.EndsWith("field=sources: 'http://example.si/' is not an https URL", StringComparison.Ordinal));
        Assert.Contains(
            "topics/leisure-culture.yaml: topic=leisure-culture field=category: 'hobbies' is not one of documents, health, work, education, family, money, housing, transport, safety, office",
            await ProblemsAsync(await editor.PutAsync("/api/knowledge/topics/leisure-culture/settings", new { category = "hobbies" }, ct), ct));

        var saved = await editor.PutAsync(
            "/api/knowledge/topics/leisure-culture/settings",
            new { category = "family", flags = new[] { "sensitive" }, sources = sources.Append("https://www.postojna.si/prosti-cas/").ToArray() },
            ct);

        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(ct));
        Assert.Equal("education", engine.Catalog.Find("leisure-culture")!.Category); // a draft is not live
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/knowledge/topics/leisure-culture/publish", null, ct)).StatusCode);
        var live = engine.Catalog.Find("leisure-culture")!;
        Assert.Equal("family", live.Category);
        Assert.True(live.IsSensitive);
        Assert.Equal("https://www.postojna.si/prosti-cas/", live.Sources[^1]);
        var versions = await (await editor.GetAsync("/api/knowledge/topics/leisure-culture/versions", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("settings", versions.EnumerateArray().Last().GetProperty("change").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.SendAsync(HttpMethod.Put, "/api/knowledge/topics/leisure-culture/settings", new { category = "work" }, ct, withXsrf: false)).StatusCode);
    }

    [Fact]
    public async Task A_counselor_who_is_not_an_editor_cannot_add_change_or_retire_topics()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var counselor = await ConsoleSession.SignInAsync(host, "Ana", "sl,en", editor: false, ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PostAsync("/api/knowledge/topics", new { id = ChessClubTopic.Id, category = "family" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PutAsync("/api/knowledge/topics/housing/settings", new { category = "work" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PostAsync("/api/knowledge/topics/housing/retire", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.PostAsync("/api/knowledge/topics/housing/restore", null, ct)).StatusCode);
    }

    private static async Task PublishCompleteTopicAsync(ConsoleSession editor, CancellationToken ct)
    {
        foreach (var language in Language.All)
        {
            var saved = await editor.PutAsync($"{Topic}/languages/{language}", ChessClubTopic.Language(language), ct);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(ct));
        }

        var published = await editor.PostAsync($"{Topic}/publish", null, ct);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(ct));
    }

    private static async Task<JsonElement> ListedAsync(ConsoleSession editor, CancellationToken ct) =>
        (await (await editor.GetAsync("/api/knowledge/topics", ct)).Content.ReadFromJsonAsync<JsonElement>(ct))
            .EnumerateArray().Single(t => t.GetProperty("id").GetString() == ChessClubTopic.Id);

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];
    }

    // The export, checked by kb check's validator as the repository would after unzipping it over Knowledge/content.
    private static async Task<List<string>> ExportedFilesAsync(ConsoleSession editor, CancellationToken ct)
    {
        var response = await editor.GetAsync("/api/knowledge/export", ct);
        response.EnsureSuccessStatusCode();
        using var folder = new TempDataDirectory();
        await using (var zip = await response.Content.ReadAsStreamAsync(ct))
        {
            ZipFile.ExtractToDirectory(zip, folder.Path);
        }

        Assert.Empty(new KnowledgeValidator(TimeProvider.System).Validate(TopicCatalog.LoadFromDirectory(folder.Path)));
        return [.. Directory.EnumerateFiles(folder.Path, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/'))];
    }
}

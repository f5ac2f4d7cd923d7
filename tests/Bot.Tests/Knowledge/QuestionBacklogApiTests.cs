using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>/api/knowledge/backlog: similar unanswered questions grouped; one click makes one a sample question the bot then finds.</summary>
public sealed class QuestionBacklogApiTests
{
    private const string Question = "čebelarsko društvo srečanja";

    [Fact]
    public async Task An_unanswered_question_becomes_a_sample_question_and_the_bot_then_finds_that_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        var engine = host.Services.GetRequiredService<KnowledgeEngine>();
        var before = engine.Ask(Question, forcedLanguage: "sl");
        Assert.False(before.Topic == "leisure-culture" && before.Decision == Decision.Answer);
        var log = host.Services.GetRequiredService<IUnansweredQuestionLog>();
        var now = DateTimeOffset.UtcNow;
        await log.RecordAsync(new UnansweredQuestion("webchat", "u1", "sl", null, Question, UnansweredKind.NoMatch, now.AddMinutes(-3)), ct);
        await log.RecordAsync(new UnansweredQuestion("telegram", "u2", "sl", null, "cebelarsko drustvo srecanja postojna", UnansweredKind.NoMatch, now.AddMinutes(-2)), ct);
        await log.RecordAsync(new UnansweredQuestion("webchat", "u3", "en", "housing", "zeppelin mooring permit", UnansweredKind.NegativeFeedback, now.AddMinutes(-1)), ct);

        var groups = await (await editor.GetAsync("/api/knowledge/backlog", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(2, groups.GetArrayLength());
        var bees = groups[0];
        Assert.Equal(2, bees.GetProperty("count").GetInt32());
        Assert.Equal("sl", bees.GetProperty("language").GetString());
        var key = bees.GetProperty("key").GetString();

        var response = await editor.PostAsync($"/api/knowledge/backlog/{key}/sample", new { topic = "leisure-culture" }, ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(result.GetProperty("published").GetBoolean());
        Assert.Equal("leisure-culture", result.GetProperty("ask").GetProperty("topic").GetString());
        Assert.Equal("leisure-culture", engine.Ask(Question, forcedLanguage: "sl").Topic);
        Assert.Equal("published", (await StatusesAsync(editor, ct))["en"]); // a sample question is not a translation change
        var left = await (await editor.GetAsync("/api/knowledge/backlog", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("housing", Assert.Single(left.EnumerateArray()).GetProperty("topic").GetString());
    }

    [Fact]
    public async Task A_dismissed_group_stays_away_and_a_draft_topic_can_be_started_from_a_group()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Eva", "en", editor: true, ct);
        var log = host.Services.GetRequiredService<IUnansweredQuestionLog>();
        await log.RecordAsync(new UnansweredQuestion("webchat", "u1", "en", null, "zeppelin mooring permit", UnansweredKind.NoMatch, DateTimeOffset.UtcNow), ct);
        await log.RecordAsync(new UnansweredQuestion("webchat", "u2", "en", null, "beekeeping club meetings", UnansweredKind.NoMatch, DateTimeOffset.UtcNow), ct);
        var groups = await (await editor.GetAsync("/api/knowledge/backlog", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        string KeyOf(string text) => groups.EnumerateArray().Single(g => g.GetProperty("questions")[0].GetString() == text).GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/knowledge/backlog/{KeyOf("zeppelin mooring permit")}/dismiss", null, ct)).StatusCode);
        var draft = await editor.PostAsync($"/api/knowledge/backlog/{KeyOf("beekeeping club meetings")}/draft", new { id = "beekeeping", category = "family" }, ct);

        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Empty(await (await editor.GetAsync("/api/knowledge/backlog", ct)).Content.ReadFromJsonAsync<JsonElement[]>(ct) ?? []);
        var topic = await (await editor.GetAsync("/api/knowledge/topics/beekeeping", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("beekeeping club meetings", topic.GetProperty("languages").GetProperty("en").GetProperty("questions")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/knowledge/topics/beekeeping/publish", null, ct)).StatusCode); // incomplete: kb check refuses
    }

    private static async Task<Dictionary<string, string>> StatusesAsync(ConsoleSession session, CancellationToken ct)
    {
        var topic = await (await session.GetAsync("/api/knowledge/topics/leisure-culture", ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        return topic.GetProperty("languages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!);
    }
}

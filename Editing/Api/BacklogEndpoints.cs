using System.Security.Claims;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Editor;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Editing.Api;

/// <summary>/api/knowledge/backlog: unanswered and 👎 questions grouped, each turned into a sample question, a new topic's draft, or dismissed.</summary>
public static class BacklogEndpoints
{
    /// <summary>The body of POST …/sample: the topic (default: the group's), language and question (default: the group's first).</summary>
    public sealed record SampleRequest(string? Topic, string? Language, string? Question);

    /// <summary>The body of POST …/draft.</summary>
    public sealed record DraftRequest(string? Id, string? Category, string? Question);

    public static IEndpointRouteBuilder MapQuestionBacklogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/knowledge/backlog")
            .RequireAuthorization(CounselorAuth.EditorPolicy)
            .AddEndpointFilter<SecurityHeaders>()
            .AddEndpointFilter<XsrfFilter>();
        api.MapGet("", async (QuestionBacklog backlog, CancellationToken ct) => TypedResults.Json(await backlog.GroupsAsync(ct), HandoffJson.Options));
        api.MapPost("/{key}/sample", SampleAsync);
        api.MapPost("/{key}/draft", DraftAsync);
        api.MapPost("/{key}/dismiss", async (string key, QuestionBacklog backlog, CancellationToken ct) =>
            await backlog.DismissAsync(key, ct) ? Results.NoContent() : NoGroup(key));
        return endpoints;
    }

    private static async Task<IResult> SampleAsync(
        string key, SampleRequest? body, ClaimsPrincipal user, QuestionBacklog backlog, KnowledgeEditor editor, KnowledgeEngine engine, CancellationToken ct)
    {
        if (await backlog.FindAsync(key, ct) is not { } group)
        {
            return NoGroup(key);
        }

        var topic = body?.Topic ?? group.Topic;
        var language = body?.Language ?? group.Language;
        var question = body?.Question ?? group.Questions[0];
        if (topic is null)
        {
            return TypedResults.Problem("Say which topic the question belongs to (topic).", statusCode: StatusCodes.Status400BadRequest);
        }

        var (result, published) = await editor.AddSampleQuestionAsync(topic, language, question, KnowledgeEndpoints.Identity(user), ct);
        if (result.Status != EditStatus.Done)
        {
            return KnowledgeEndpoints.Problem(topic, result);
        }

        await backlog.DismissAsync(key, ct);
        // The evaluation of this question now: which topic the bot finds for it, and what it would do.
        var now = engine.Ask(question, forcedLanguage: language);
        return TypedResults.Json(new { topic, language, question, version = result.Version!.Version, published, ask = new { topic = now.Topic, decision = now.Decision.ToString() } }, HandoffJson.Options);
    }

    private static async Task<IResult> DraftAsync(string key, DraftRequest? body, ClaimsPrincipal user, QuestionBacklog backlog, KnowledgeEditor editor, CancellationToken ct)
    {
        if (await backlog.FindAsync(key, ct) is not { } group)
        {
            return NoGroup(key);
        }

        if (body?.Id is null || body.Category is null)
        {
            return TypedResults.Problem("id and category of the new topic are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await editor.CreateTopicAsync(body.Id, body.Category, [], group.Language, body.Question ?? group.Questions[0], KnowledgeEndpoints.Identity(user), ct);
        if (result.Status != EditStatus.Done)
        {
            return KnowledgeEndpoints.Problem(body.Id, result);
        }

        await backlog.DismissAsync(key, ct);
        return TypedResults.Json(TopicViews.Topic(result.Version!.Content, null, result.Version.Version), HandoffJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult NoGroup(string key) => TypedResults.Problem($"No backlog group '{key}'.", statusCode: StatusCodes.Status404NotFound);
}

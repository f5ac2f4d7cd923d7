using System.Security.Claims;
using IntegrationBot.Editing.Editor;
using IntegrationBot.Editing.Export;
using IntegrationBot.Editing.Preview;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Editing.Api;

/// <summary>
/// /api/knowledge: browse, edit, publish and revert topics. Editors and admins only, with the console's cookie and
/// XSRF rules; a language may be changed only by an editor registered for it.
/// </summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/knowledge")
            .RequireAuthorization(CounselorAuth.EditorPolicy)
            .AddEndpointFilter<SecurityHeaders>()
            .AddEndpointFilter<XsrfFilter>();
        api.MapGet("/topics", ListAsync);
        api.MapPost("/topics", CreateAsync);
        api.MapGet("/topics/{id}", GetAsync);
        api.MapPut("/topics/{id}/languages/{lang}", SaveAsync);
        api.MapPut("/topics/{id}/settings", SettingsAsync);
        api.MapPost("/topics/{id}/publish", PublishAsync);
        api.MapPost("/topics/{id}/retire", async (string id, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct) =>
            await ResultAsync(id, await editor.RetireAsync(id, Identity(user), ct), editor, ct));
        api.MapPost("/topics/{id}/restore", async (string id, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct) =>
            await ResultAsync(id, await editor.RestoreAsync(id, Identity(user), ct), editor, ct));
        api.MapGet("/topics/{id}/versions", VersionsAsync);
        api.MapGet("/topics/{id}/versions/{version:int}", VersionAsync);
        api.MapPost("/topics/{id}/revert", RevertAsync);
        api.MapGet("/topics/{id}/preview", PreviewAsync);
        api.MapGet("/export", ExportAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        KnowledgeEditor editor, ITopicStatistics statistics, OfficeHours hours, IOptions<KnowledgeEditingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var staleBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.ReviewPeriodDays);
        var topics = await editor.ListAsync(ct);
        var usage = TopicUsage.PerTopic(await statistics.ListAsync(TopicUsage.WindowStart(hours, time), ct));
        return TypedResults.Json(
            topics.Select(t => TopicViews.Summary(t.Latest, t.Published, staleBefore, usage.GetValueOrDefault(t.Latest.Id, TopicUsage.None))).ToList(),
            HandoffJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, KnowledgeEditor editor, CancellationToken ct)
    {
        var versions = await editor.VersionsAsync(id, ct);
        var current = versions.Count > 0 ? versions[^1].Content : await editor.CurrentAsync(id, ct);
        return current is null
            ? NotFound(id)
            : TypedResults.Json(TopicViews.Topic(current, await editor.PublishedAsync(id, ct), versions.Count > 0 ? versions[^1].Version : 0), HandoffJson.Options);
    }

    private static async Task<IResult> SaveAsync(string id, string lang, LanguageInput? body, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct)
    {
        if (body is null)
        {
            return TypedResults.Problem("A JSON body with title, answer, details, questions and keywords is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await ResultAsync(id, await editor.SaveLanguageAsync(id, lang, body.ToContent(), Identity(user), ct), editor, ct);
    }

    private static async Task<IResult> CreateAsync(TopicViews.CreateRequest? body, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct)
    {
        if (body?.Id is null || body.Category is null)
        {
            return TypedResults.Problem("A JSON body with id, category and sources is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var sources = (body.Sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
        var result = await editor.CreateTopicAsync(body.Id, body.Category, sources, null, null, Identity(user), ct);
        return result.Status == EditStatus.Done
            ? TypedResults.Json(TopicViews.Topic(result.Version!.Content, null, result.Version.Version), HandoffJson.Options, statusCode: StatusCodes.Status201Created)
            : Problem(body.Id, result);
    }

    private static async Task<IResult> SettingsAsync(string id, TopicSettings? body, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct) =>
        body is null
            ? TypedResults.Problem("A JSON body with category, sources, flags and related is required.", statusCode: StatusCodes.Status400BadRequest)
            : await ResultAsync(id, await editor.SaveSettingsAsync(id, body, Identity(user), ct), editor, ct);

    private static async Task<IResult> PublishAsync(string id, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct) =>
        await ResultAsync(id, await editor.PublishAsync(id, Identity(user), ct), editor, ct);

    private static async Task<IResult> VersionsAsync(string id, KnowledgeEditor editor, CancellationToken ct)
    {
        var versions = await editor.VersionsAsync(id, ct);
        if (versions.Count == 0 && await editor.CurrentAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        var published = versions.Count == 0 ? null : (await editor.PublishedVersionAsync(id, ct));
        return TypedResults.Json(versions.Select(v => TopicViews.Version(v, published)).ToList(), HandoffJson.Options);
    }

    private static async Task<IResult> VersionAsync(string id, int version, KnowledgeEditor editor, CancellationToken ct) =>
        await editor.VersionAsync(id, version, ct) is { } found
            ? TypedResults.Json(TopicViews.Topic(found.Content, await editor.PublishedAsync(id, ct), found.Version), HandoffJson.Options)
            : NotFound($"{id} version {version}");

    private static async Task<IResult> RevertAsync(string id, TopicViews.RevertRequest? body, ClaimsPrincipal user, KnowledgeEditor editor, CancellationToken ct)
    {
        if (body?.Version is not { } version)
        {
            return TypedResults.Problem("A JSON body {\"version\": n} is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (version < 1)
        {
            // Versions count from 1: no topic has this one, and "no topic" would send the editor looking for the wrong thing.
            return TypedResults.Problem("version must be 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await ResultAsync(id, await editor.RevertAsync(id, version, Identity(user), ct), editor, ct);
    }

    private static async Task ExportAsync(HttpContext http, ContentExport export, TimeProvider time)
    {
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"knowledge-content-{time.GetUtcNow():yyyy-MM-dd}.zip\"";
        // ZipArchive writes synchronously at dispose; buffer so Kestrel's no-synchronous-IO rule holds.
        using var buffer = new MemoryStream();
        await export.WriteZipAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task<IResult> PreviewAsync(
        string id, string? lang, string? channel, bool? cyrillic, KnowledgeEditor editor, AnswerPreview preview, CancellationToken ct)
    {
        if (await editor.CurrentAsync(id, ct) is not { } content)
        {
            return NotFound(id);
        }

        var language = lang ?? "";
        if (content.In(language) is not { } text)
        {
            return TypedResults.Problem($"'{language}' is not a language of this topic.", statusCode: StatusCodes.Status400BadRequest);
        }

        var parts = preview.Render(text.Answer, content.Sources, language, channel ?? "", cyrillic ?? false);
        return parts is null
            ? TypedResults.Problem($"channel must be one of {string.Join(", ", AnswerPreview.Channels)}.", statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Json(new { channel, language, direction = language == "ar" ? "rtl" : "ltr", parts }, HandoffJson.Options);
    }

    private static async Task<IResult> ResultAsync(string id, EditResult result, KnowledgeEditor editor, CancellationToken ct) =>
        result.Status == EditStatus.Done
            ? TypedResults.Json(TopicViews.Topic(result.Version!.Content, await editor.PublishedAsync(id, ct), result.Version.Version), HandoffJson.Options)
            : Problem(id, result);

    /// <summary>The response for an edit that wrote nothing: 404, 403, 409, or 400 with <c>kb check</c>'s problems.</summary>
    internal static IResult Problem(string id, EditResult result) => result.Status switch
    {
        EditStatus.NotFound => NotFound(id),
        EditStatus.Forbidden => TypedResults.Problem("You may edit only the languages you are registered for.", statusCode: StatusCodes.Status403Forbidden),
        EditStatus.Conflict => TypedResults.Problem("Someone else saved this topic at the same moment, or the id is taken; reload and try again.", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(
            string.Join("\n", result.Problems ?? []),
            statusCode: StatusCodes.Status400BadRequest,
            title: "The content does not pass kb check.",
            extensions: new Dictionary<string, object?> { ["problems"] = result.Problems ?? [] }),
    };

    private static IResult NotFound(string what) => TypedResults.Problem($"No topic '{what}'.", statusCode: StatusCodes.Status404NotFound);

    internal static EditorIdentity Identity(ClaimsPrincipal user) => new(
        CounselorAuth.Name(user),
        (user.FindFirst(CounselorAuth.LanguagesClaim)?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}

using System.Security.Claims;
using IntegrationBot.Editing.Editor;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Knowledge.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Editing.Api;

/// <summary>
/// /api/knowledge/directory: the local directory of institutions. Editors and admins only, with the console's cookie
/// and XSRF rules. A PUT is saved as a new version and published at once (no draft).
/// </summary>
public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/knowledge/directory")
            .RequireAuthorization(CounselorAuth.EditorPolicy)
            .AddEndpointFilter<SecurityHeaders>()
            .AddEndpointFilter<XsrfFilter>();
        api.MapGet("", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPut("/{id}", SaveAsync);
        api.MapGet("/{id}/versions", VersionsAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(DirectoryEditor editor, CancellationToken ct) =>
        TypedResults.Json((await editor.ListAsync(ct)).Select(e => View(e.Entry, e.Version)).ToList(), HandoffJson.Options);

    private static async Task<IResult> GetAsync(string id, DirectoryEditor editor, CancellationToken ct) =>
        await editor.GetAsync(id, ct) is { } found ? TypedResults.Json(View(found.Entry, found.Version), HandoffJson.Options) : NotFound(id);

    private static async Task<IResult> VersionsAsync(string id, DirectoryEditor editor, CancellationToken ct) =>
        await editor.GetAsync(id, ct) is null
            ? NotFound(id)
            : TypedResults.Json((await editor.VersionsAsync(id, ct)).Select(v => View(v.Entry, v)).ToList(), HandoffJson.Options);

    private static async Task<IResult> SaveAsync(string id, DirectoryEntryInput? body, ClaimsPrincipal user, DirectoryEditor editor, CancellationToken ct)
    {
        if (body is null)
        {
            return TypedResults.Problem("A JSON body with confirmed, names, address, hours, phone, email, map and source is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await editor.SaveAsync(body.ToEntry(id), KnowledgeEndpoints.Identity(user), ct);
        return result.Status switch
        {
            EditStatus.Done => TypedResults.Json(View(result.Version!.Entry, result.Version), HandoffJson.Options),
            EditStatus.NotFound => NotFound(id),
            EditStatus.Forbidden => TypedResults.Problem("You may change only the names in the languages you are registered for.", statusCode: StatusCodes.Status403Forbidden),
            EditStatus.Conflict => TypedResults.Problem("Someone else saved this entry at the same moment; reload and try again.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(
                string.Join("\n", result.Problems ?? []),
                statusCode: StatusCodes.Status400BadRequest,
                title: "The entry does not pass kb check.",
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems ?? [] }),
        };
    }

    private static object View(DirectoryEntry entry, DirectoryEntryVersion? version) => new
    {
        id = entry.Id,
        confirmed = entry.Confirmed,
        names = entry.Names,
        address = entry.Address ?? "",
        hours = entry.Hours ?? "",
        phone = entry.Phone ?? "",
        email = entry.Email ?? "",
        map = entry.Map ?? "",
        source = entry.Source ?? "",
        version = version?.Version ?? 0,
        author = version?.Author,
        at = version?.At,
    };

    private static IResult NotFound(string id) => TypedResults.Problem($"No directory entry '{id}'.", statusCode: StatusCodes.Status404NotFound);
}

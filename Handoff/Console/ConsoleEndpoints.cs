using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>GET /api/dashboard, GET /api/counselors (who is online, to transfer to) and /api/canned-responses (list, create, update, delete).</summary>
public static class ConsoleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (DashboardService dashboard, PlanDashboardService plans, CancellationToken ct) =>
            TypedResults.Json(await dashboard.SnapshotAsync(ct) with { Plans = await plans.SnapshotAsync(ct) }, HandoffJson.Options));

        // Any counselor may see colleagues' names, languages and presence: the console warns before a transfer to someone offline.
        api.MapGet("/counselors", async (CounselorDirectory directory, CounselorPresence presence, CancellationToken ct) =>
            TypedResults.Json((await directory.ListAsync(ct)).Where(c => !c.Deactivated).Select(c => new ColleagueView(c.Name, c.Languages, presence.IsOnline(c.Name))).ToList(), HandoffJson.Options));

        var canned = api.MapGroup("/canned-responses");
        canned.MapGet("/", async (string? language, ICannedResponseStore store, CancellationToken ct) =>
            TypedResults.Json(await store.ListAsync(language, ct), HandoffJson.Options));
        canned.MapPost("/", (ConsoleRequests.Canned? body, ICannedResponseStore store, TimeProvider time, CancellationToken ct) =>
            SaveAsync(Guid.NewGuid().ToString("N"), body, store, time, ct));
        canned.MapPut("/{id}", async (string id, ConsoleRequests.Canned? body, ICannedResponseStore store, TimeProvider time, CancellationToken ct) =>
            await store.GetAsync(id, ct) is null ? TypedResults.NotFound() : await SaveAsync(id, body, store, time, ct));
        canned.MapDelete("/{id}", async (string id, ICannedResponseStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound());
    }

    private static async Task<IResult> SaveAsync(string id, ConsoleRequests.Canned? body, ICannedResponseStore store, TimeProvider time, CancellationToken ct)
    {
        if (body?.Language is not { } language || !CounselorDirectory.KnownLanguages.Contains(language)
            || string.IsNullOrWhiteSpace(body.Title) || string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > HandoffEndpoints.MaxTextLength)
        {
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, "cannedIncomplete", "language (sl|en|sq|hbs|ar), title and text are required.");
        }

        var response = new CannedResponse(id, language, body.Title.Trim(), body.Text.Trim(), time.GetUtcNow());
        await store.SaveAsync(response, ct);
        return TypedResults.Json(response, HandoffJson.Options);
    }
}

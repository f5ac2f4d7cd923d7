using System.Security.Claims;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>/api/handoffs: list, details, claim, release, messages, transfer, notes, close, the person's plan, and the live stream.</summary>
public static class HandoffEndpoints
{
    public const int MaxTextLength = 4000;

    public static void Map(RouteGroupBuilder api)
    {
        var handoffs = api.MapGroup("/handoffs");
        handoffs.MapGet("/", ListAsync);
        handoffs.MapGet("/stream", HandoffStream.RunAsync);
        handoffs.MapGet("/{id:guid}", GetAsync);
        handoffs.MapPost("/{id:guid}/claim", (Guid id, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
            Respond(queue.ClaimAsync(id, CounselorAuth.Name(user), ct), queue, time));
        handoffs.MapPost("/{id:guid}/release", (Guid id, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
            Respond(queue.ReleaseAsync(id, CounselorAuth.Name(user), ct), queue, time));
        handoffs.MapPost("/{id:guid}/messages", (Guid id, ConsoleRequests.Message? body, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
            ValidText(body?.Text) is { } text ? Respond(queue.SendCounselorMessageAsync(id, CounselorAuth.Name(user), text, ct), queue, time) : BadText());
        handoffs.MapPost("/{id:guid}/notes", (Guid id, ConsoleRequests.Message? body, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
            ValidText(body?.Text) is { } text ? Respond(queue.AddNoteAsync(id, CounselorAuth.Name(user), text, ct), queue, time) : BadText());
        handoffs.MapPost("/{id:guid}/transfer", TransferAsync);
        handoffs.MapGet("/{id:guid}/plan", GetPlanAsync);
        handoffs.MapPost("/{id:guid}/plan/done", (Guid id, ConsoleRequests.PlanStep? body, ClaimsPrincipal user, HandoffQueue queue, IEnumerable<IHandoffPlan> plans, CancellationToken ct) =>
            ValidText(body?.StepId) is { } step ? ChangePlanAsync(id, user, queue, plans, (plan, request) => plan.MarkDoneAsync(request, step, CounselorAuth.Name(user), ct), ct) : BadText("stepId"));
        handoffs.MapPost("/{id:guid}/plan/steps", (Guid id, ConsoleRequests.Message? body, ClaimsPrincipal user, HandoffQueue queue, IEnumerable<IHandoffPlan> plans, CancellationToken ct) =>
            ValidText(body?.Text) is { } text ? ChangePlanAsync(id, user, queue, plans, (plan, request) => plan.AddStepAsync(request, text, CounselorAuth.Name(user), ct), ct) : BadText());
        handoffs.MapPost("/{id:guid}/close", (Guid id, ConsoleRequests.Close? body, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
            Respond(queue.CloseAsync(id, CounselorAuth.Name(user), ValidText(body?.Outcome) ?? "resolved", ct), queue, time));
    }

    private static async Task<IResult> ListAsync(string? status, bool? all, ClaimsPrincipal user, HandoffQueue queue, CounselorDirectory directory, CounselorPresence presence, TimeProvider time, CancellationToken ct)
    {
        HandoffStatus? filter = status?.ToLowerInvariant() switch
        {
            null or "" or "waiting" => HandoffStatus.Waiting,
            "active" => HandoffStatus.Active,
            "closed" => HandoffStatus.Closed,
            _ => null,
        };
        if (filter is null)
        {
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, "badStatus", "status must be waiting, active or closed.");
        }

        var now = time.GetUtcNow();
        var requests = await queue.ListAsync(filter, ct);
        if (filter != HandoffStatus.Waiting)
        {
            var ordered = filter == HandoffStatus.Closed ? requests.OrderByDescending(r => r.ClosedAt).Take(200) : requests.AsEnumerable();
            return TypedResults.Json(ordered.Select(r => HandoffView.From(r, now)).ToList(), HandoffJson.Options);
        }

        var me = await directory.FindAsync(CounselorAuth.Name(user), ct);
        if (me is null)
        {
            return TypedResults.Unauthorized();
        }

        var online = (await directory.ListAsync(ct)).Where(c => presence.IsOnline(c.Name)).ToList();
        var routed = QueueRouter.ForCounselor(requests, me, online, all ?? false);
        return TypedResults.Json(routed.Select(r => HandoffView.From(r.Request, now, r.CanServe, r.NeedsLanguage)).ToList(), HandoffJson.Options);
    }

    private static async Task<IResult> GetAsync(Guid id, HandoffQueue queue, TimeProvider time, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } request
            ? TypedResults.Json(Details(request, queue, time), HandoffJson.Options)
            : TypedResults.NotFound();

    private static async Task<IResult> GetPlanAsync(Guid id, HandoffQueue queue, IEnumerable<IHandoffPlan> plans, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } request && plans.FirstOrDefault() is { } plan && await plan.GetAsync(request, ct) is { } view
            ? TypedResults.Json(view, HandoffJson.Options)
            : TypedResults.NotFound();

    // Only the counselor holding the conversation changes the person's plan, as with messages.
    private static async Task<IResult> ChangePlanAsync(Guid id, ClaimsPrincipal user, HandoffQueue queue, IEnumerable<IHandoffPlan> plans, Func<IHandoffPlan, HandoffRequest, Task<bool>> change, CancellationToken ct)
    {
        if (await queue.GetAsync(id, ct) is not { } request || plans.FirstOrDefault() is not { } plan)
        {
            return TypedResults.NotFound();
        }

        if (request.Status != HandoffStatus.Active || request.AssignedCounselor != CounselorAuth.Name(user))
        {
            return ConsoleProblem.Of(StatusCodes.Status403Forbidden, "notHolder", "Only the counselor holding this conversation may do that.");
        }

        return await change(plan, request) && await plan.GetAsync(request, ct) is { } view ? TypedResults.Json(view, HandoffJson.Options) : TypedResults.NotFound();
    }

    private static HandoffView Details(HandoffRequest request, HandoffQueue queue, TimeProvider time) =>
        HandoffView.From(request, time.GetUtcNow(), details: true) with { Unreachable = queue.UnreachableReasonFor(request) };

    private static Task<IResult> TransferAsync(Guid id, ConsoleRequests.Transfer? body, ClaimsPrincipal user, HandoffQueue queue, TimeProvider time, CancellationToken ct)
    {
        var me = CounselorAuth.Name(user);
        return (body?.Counselor, body?.Language) switch
        {
            ({ Length: > 0 } counselor, null or "") => Respond(queue.TransferToCounselorAsync(id, me, counselor, ct), queue, time),
            (null or "", { Length: > 0 } language) => Respond(queue.TransferToLanguageAsync(id, me, language, ct), queue, time),
            _ => Task.FromResult<IResult>(ConsoleProblem.Of(StatusCodes.Status400BadRequest, "transferTarget", "Give exactly one of counselor or language.")),
        };
    }

    private static async Task<IResult> Respond(Task<HandoffResult> operation, HandoffQueue queue, TimeProvider time)
    {
        var result = await operation;
        return result.Kind switch
        {
            HandoffResultKind.Ok => TypedResults.Json(Details(result.Request!, queue, time), HandoffJson.Options),
            HandoffResultKind.Unreachable => ConsoleProblem.Of(
                StatusCodes.Status409Conflict,
                "unreachable",
                "The person has blocked the bot or left this channel; the message was not sent.",
                extensions: new Dictionary<string, object?> { ["status"] = "unreachable", ["reason"] = queue.UnreachableReasonFor(result.Request!) }),
            HandoffResultKind.NotFound => TypedResults.NotFound(),
            HandoffResultKind.AlreadyTaken => ConsoleProblem.Of(StatusCodes.Status409Conflict, "alreadyTaken", $"Already taken by {result.Request?.AssignedCounselor}.", new Dictionary<string, string> { ["name"] = result.Request?.AssignedCounselor ?? "" }),
            HandoffResultKind.NotHolder => ConsoleProblem.Of(StatusCodes.Status403Forbidden, "notHolder", "Only the counselor holding this conversation may do that."),
            HandoffResultKind.InvalidState => ConsoleProblem.Of(StatusCodes.Status409Conflict, "invalidState", $"Not possible while the request is {result.Request?.Status.ToString().ToLowerInvariant()}.", new Dictionary<string, string> { ["status"] = result.Request?.Status.ToString().ToLowerInvariant() ?? "" }),
            _ => ConsoleProblem.Of(StatusCodes.Status400BadRequest, "invalidInput", "Invalid input."),
        };
    }

    private static string? ValidText(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength ? null : text.Trim();

    // Names the field the request lacks (a plan step's id is not a text).
    private static Task<IResult> BadText(string field = "text") =>
        Task.FromResult<IResult>(ConsoleProblem.Of(StatusCodes.Status400BadRequest, "textRequired", $"{field} is required (at most {MaxTextLength} characters).", new Dictionary<string, string> { ["max"] = MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}

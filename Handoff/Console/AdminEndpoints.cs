using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>/api/admin: counselor accounts and a person's data (erase, export). Admins only.</summary>
public static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(CounselorAuth.AdminPolicy);
        admin.MapGet("/counselors", async (CounselorDirectory directory, CounselorPresence presence, CancellationToken ct) =>
            TypedResults.Json((await directory.ListAsync(ct)).Select(c => CounselorView.From(c, presence.IsOnline(c.Name))).ToList(), HandoffJson.Options));
        admin.MapPost("/counselors", AddCounselorAsync);
        admin.MapPost("/counselors/{name}/deactivate", DeactivateAsync);
        admin.MapPost("/counselors/{name}/unlock", async (string name, CounselorDirectory directory, CancellationToken ct) =>
            await directory.UnlockAsync(Segment(name), ct) ? Results.NoContent() : Results.NotFound());
        admin.MapDelete("/users/{channelId}/{userId}", ErasePersonByIdAsync);
        admin.MapGet("/users/{channelId}/{userId}/export", ExportPersonByIdAsync);

        // The same for the person of a conversation, so the console never needs (or shows) their user id.
        admin.MapGet("/handoffs/{id:guid}/person/export", ExportPersonAsync);
        admin.MapDelete("/handoffs/{id:guid}/person", ErasePersonAsync);
    }

    private static async Task<IResult> ErasePersonByIdAsync(string channelId, string userId, UserDataService data, PersonChannels channels, CancellationToken ct) =>
        channels.Find(channelId) is { } channel
            ? TypedResults.Json(new { channelId = channel, userId = Segment(userId), removed = await data.DeleteAsync(channel, Segment(userId), ct) }, HandoffJson.Options)
            : UnknownChannel(channelId, channels);

    private static async Task<IResult> ExportPersonByIdAsync(string channelId, string userId, UserDataService data, PersonChannels channels, CancellationToken ct) =>
        channels.Find(channelId) is { } channel
            ? TypedResults.Json(await data.ExportAsync(channel, Segment(userId), ct), HandoffJson.Options)
            : UnknownChannel(channelId, channels);

    private static IResult UnknownChannel(string channelId, PersonChannels channels)
    {
        var known = string.Join(", ", channels.Ids);
        return ConsoleProblem.Of(
            StatusCodes.Status400BadRequest,
            "unknownChannel",
            $"'{channelId}' is not a channel id; nothing was erased or exported. The channel ids are: {known}.",
            new Dictionary<string, string> { ["channel"] = channelId, ["channels"] = known });
    }

    private static async Task<IResult> ExportPersonAsync(Guid id, HandoffQueue queue, UserDataService data, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } request
            ? TypedResults.Json(await data.ExportAsync(request.Address.ChannelId, request.Address.UserId, ct), HandoffJson.Options)
            : TypedResults.NotFound();

    private static async Task<IResult> ErasePersonAsync(Guid id, HandoffQueue queue, UserDataService data, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } request
            ? TypedResults.Json(new { removed = await data.DeleteAsync(request.Address.ChannelId, request.Address.UserId, ct) }, HandoffJson.Options)
            : TypedResults.NotFound();

    /// <summary>
    /// A name or user id as written: ASP.NET Core decodes every escape in a route value except <c>%2F</c> (so that
    /// segments stay segments), and Viber's base64 user ids hold '/'. Unescaped, erasing such a person found nobody and
    /// answered 200. No channel's ids and no counselor name hold a literal "%2F" text that this would misread.
    /// </summary>
    private static string Segment(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> AddCounselorAsync(ConsoleRequests.NewCounselor? body, CounselorDirectory directory, CancellationToken ct)
    {
        // Without a password an existing account keeps its own (CounselorDirectory.AddAsync); a new one needs one.
        if (body?.Name is null || body.Languages is null)
        {
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, "accountIncomplete", "name and languages are required.");
        }

        try
        {
            var counselor = await directory.AddAsync(body.Name, body.Languages, body.Password, body.IsAdmin, ct, body.IsEditor);
            return TypedResults.Json(CounselorView.From(counselor, online: false), HandoffJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException e)
        {
            // The message without .NET's "(Parameter 'languages')": an admin reads it in the console.
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, AccountProblem(e.ParamName, body.Password), message);
        }
        catch (LastAdminException e)
        {
            return ConsoleProblem.Of(StatusCodes.Status409Conflict, "lastAdmin", e.Message);
        }
    }

    // Which rule of CounselorDirectory.AddAsync the account broke, by the argument it names: without a password only a
    // new account can fail on it.
    private static string AccountProblem(string? parameter, string? password) => parameter switch
    {
        "name" => "accountName",
        "languages" => "accountLanguages",
        "password" when password is null => "accountNeedsPassword",
        "password" => "accountPasswordShort",
        _ => "invalidInput",
    };

    private static async Task<IResult> DeactivateAsync(string name, CounselorDirectory directory, CancellationToken ct)
    {
        try
        {
            return await directory.DeactivateAsync(Segment(name), ct) ? Results.NoContent() : Results.NotFound();
        }
        catch (LastAdminException e)
        {
            return ConsoleProblem.Of(StatusCodes.Status409Conflict, "lastAdmin", e.Message);
        }
    }
}

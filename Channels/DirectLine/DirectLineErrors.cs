using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Direct Line's error body <c>{"error":{"code","message"}}</c> with the status codes the clients react to.</summary>
internal static class DirectLineErrors
{
    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "a bearer token is required");

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "NotFound", "conversation not found");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "the activity is too large");

    public static IResult BotError() => Error(StatusCodes.Status502BadGateway, "BotError", "the bot could not process the activity; retry");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "too many conversations from this address; try later");

    private static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new { error = new { code, message } }, statusCode: status);
}

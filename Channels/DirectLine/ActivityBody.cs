using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Reads a posted activity defensively: size-capped, malformed JSON is a 400, never an exception.</summary>
internal static class ActivityBody
{
    /// <summary>What Web Chat sends; anything else (a forged conversationUpdate, endOfConversation, invoke…) is refused.</summary>
    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal) { ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing };

    /// <summary>
    /// Deepest nesting accepted from a page (Web Chat's own activities stay under 10). A stored activity is written back
    /// inside envelopes (<c>{"activities":[…]}</c>, transcripts), and System.Text.Json writes at most 64 levels: an
    /// activity near the parser's own limit of 64 was stored, then every read of its conversation failed with a 500.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Longest <c>id</c> or <c>channelData.clientActivityID</c> accepted (Web Chat's are about 25 characters): it is the
    /// resend key, and an index key in the store (LiteDB's are at most 1023 bytes, so a longer one failed the write).
    /// </summary>
    public const int MaxIdLength = 200;

    public static async Task<ParsedActivity> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, DirectLineErrors.TooLarge());
        }

        // The usual case: the length is known, so read straight into one array of that size.
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }

            return Parse(body.AsMemory(0, filled));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, DirectLineErrors.TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>An upload: the <c>activity</c> part, with the files noted as attachments but not kept.</summary>
    public static async Task<ParsedActivity> ReadUploadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentLength > maxBytes)
        {
            return new(null, request.HasFormContentType ? DirectLineErrors.TooLarge() : DirectLineErrors.BadRequest("multipart form expected"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new(null, DirectLineErrors.BadRequest("unreadable multipart form"));
        }

        var activityPart = form.Files.GetFile("activity");
        Activity activity;
        if (activityPart is null)
        {
            activity = new Activity { Type = ActivityTypes.Message };
        }
        else
        {
            using var stream = new MemoryStream();
            await activityPart.CopyToAsync(stream, cancellationToken);
            var parsed = Parse(stream.GetBuffer().AsMemory(0, (int)stream.Length));
            if (parsed.Error is not null)
            {
                return parsed;
            }

            activity = parsed.Activity!;
        }

        var files = form.Files.Where(f => f.Name != "activity")
            .Select(f => new Attachment(f.ContentType ?? "application/octet-stream", Name: f.FileName))
            .ToArray();
        return new(activity with { Attachments = files.Length > 0 ? files : activity.Attachments }, null);
    }

    private static ParsedActivity Parse(ReadOnlyMemory<byte> json)
    {
        if (!HasOnlyValidText(json.Span))
        {
            return new(null, DirectLineErrors.BadRequest("the activity contains text that is not valid Unicode (an unpaired surrogate)"));
        }

        if (IsNestedDeeperThan(json.Span, MaxDepth))
        {
            return new(null, DirectLineErrors.BadRequest($"the activity is nested more than {MaxDepth} levels deep"));
        }

        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(json.Span, ActivityJson.Options);
            return activity is null ? new(null, DirectLineErrors.BadRequest("an activity object is required"))
                : activity.Type is { Length: > 0 } type && !ClientTypes.Contains(type)
                    ? new(null, DirectLineErrors.BadRequest("activity type not accepted from a client; use message, event or typing"))
                    : HasOverlongId(activity)
                        ? new(null, DirectLineErrors.BadRequest($"id and channelData.clientActivityID must be at most {MaxIdLength} characters"))
                        : new(activity, null);
        }
        catch (JsonException)
        {
            return new(null, DirectLineErrors.BadRequest("malformed activity JSON"));
        }
    }

    private static bool HasOverlongId(Activity activity) =>
        activity.Id?.Length > MaxIdLength
        || activity.ChannelData is { ValueKind: JsonValueKind.Object } data
           && data.TryGetProperty("clientActivityID", out var id)
           && id.ValueKind == JsonValueKind.String
           && id.GetString()!.Length > MaxIdLength;

    /// <summary>Malformed JSON is left to the parser, which reports it.</summary>
    private static bool IsNestedDeeperThan(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    /// <summary>
    /// False when a string or property name anywhere in the JSON (also inside <c>value</c> or <c>channelData</c>,
    /// which are kept as raw JSON) is an escaped unpaired surrogate such as <c>"\ud83d"</c>: it would fail later, when
    /// stored or read, as a server error the client is told to retry forever. Malformed JSON is left to the parser.
    /// </summary>
    internal static bool HasOnlyValidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            return true;
        }

        return true;
    }
}

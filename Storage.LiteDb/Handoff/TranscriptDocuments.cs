using IntegrationBot.Handoff.Transcripts;
using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>
/// How transcript lines lie in documents of handoff_transcripts. A turn's lines (the person's message and the bot's
/// replies, all keyed by the same activity) are one document, the turn's <em>bundle</em>: <c>_id</c>
/// <c>conversation|activity|turn</c>, fields <c>conversation</c>, <c>user</c>, <c>at</c> (its newest line's time, for
/// retention) and <c>lines</c>, an array of line documents (<c>_id</c> the line's own key, <c>json</c>, <c>at</c>,
/// <c>order</c>). Lines without a line id go as one bundle per write under <c>conversation|~ObjectId</c>. Files of earlier
/// layouts hold a document per line (the line's fields at the top level), which reads the same way.
/// </summary>
/// <remarks>
/// Why bundles (issue 19): every document costs LiteDB an insert into the <c>_id</c> skip list, an object per node it
/// visits. One document for a turn's three lines instead of three took 278 → 235 KB off what a turn allocates.
/// </remarks>
internal static class TranscriptDocuments
{
    private const string LinesField = "lines";

    // A line id always ends in "|user" or "|bot|n" (TranscriptMiddleware): what comes before is the activity's id.
    private const string UserSuffix = "|user";
    private const string BotPart = "|bot|";

    public static string ConversationOf(string channelId, string conversationId) => $"{channelId}|{conversationId}";

    /// <summary>The lines a stored document holds: a bundle's, or the document itself in the one-line layout.</summary>
    public static IEnumerable<BsonDocument> LinesOf(BsonDocument document) =>
        document.TryGetValue(LinesField, out var lines) && lines.IsArray ? lines.AsArray.Select(l => l.AsDocument) : [document];

    public static int CountOf(BsonDocument document) =>
        document.TryGetValue(LinesField, out var lines) && lines.IsArray ? lines.AsArray.Count : 1;

    /// <summary>Write order: the ObjectId taken when the line was made; documents of the earliest layout have it as their id.</summary>
    public static ObjectId OrderOf(BsonDocument line) =>
        line.TryGetValue("order", out var order) && order.IsObjectId ? order.AsObjectId : line["_id"].AsObjectId;

    /// <summary>
    /// The documents that hold <paramref name="messages"/>: a bundle per activity (or one for the lines without a line id),
    /// each keyed so that a second write of the same turn meets the first on its key. Lines of different users in one group
    /// (never from a turn) fall back to a document each, keyed by the line: a document has one user, whom an export or an
    /// erasure finds it by.
    /// </summary>
    public static List<Written> Group(IReadOnlyList<TranscriptMessage> messages)
    {
        var groups = new List<Written>();
        foreach (var group in messages.Select(m => (Message: m, Line: LineOf(m)))
            .GroupBy(l => (Conversation: ConversationOf(l.Message.ChannelId, l.Message.ConversationId), Activity: ActivityOf(l.Message.LineId))))
        {
            var lines = group.ToList();
            var users = lines.Select(l => l.Message.UserId).Distinct(StringComparer.Ordinal).Count();
            if (users > 1)
            {
                foreach (var (message, line) in lines)
                {
                    line["conversation"] = group.Key.Conversation;
                    line["user"] = $"{message.ChannelId}|{message.UserId}";
                    groups.Add(new Written(line["_id"], [line], Bundle: null));
                }

                continue;
            }

            var key = group.Key.Activity is { } activity
                ? $"{group.Key.Conversation}|{activity}|turn"
                : $"{group.Key.Conversation}|~{lines[0].Line["order"].AsObjectId}";
            var bundle = new BsonDocument
            {
                ["_id"] = key,
                ["conversation"] = group.Key.Conversation,
                ["user"] = $"{lines[0].Message.ChannelId}|{lines[0].Message.UserId}",
                ["at"] = lines.Max(l => l.Line["at"].AsInt64),
                [LinesField] = new BsonArray(lines.Select(l => l.Line)),
            };
            groups.Add(new Written(key, [.. lines.Select(l => l.Line)], bundle));
        }

        return groups;
    }

    /// <summary><paramref name="lines"/> added to a stored <paramref name="bundle"/> (a later write of the same turn).</summary>
    public static BsonDocument Extend(BsonDocument bundle, IReadOnlyList<BsonDocument> lines)
    {
        var all = bundle[LinesField].AsArray;
        all.AddRange(lines);
        bundle["at"] = Math.Max(bundle["at"].AsInt64, lines.Max(l => l["at"].AsInt64));
        return bundle;
    }

    /// <summary>A bundle holding only <paramref name="lines"/> of <paramref name="written"/>.</summary>
    public static BsonDocument Only(Written written, IReadOnlyList<BsonDocument> lines)
    {
        var bundle = new BsonDocument();
        foreach (var (name, value) in written.Bundle!)
        {
            bundle[name] = value;
        }

        bundle[LinesField] = new BsonArray(lines);
        bundle["at"] = lines.Max(l => l["at"].AsInt64);
        return bundle;
    }

    private static BsonDocument LineOf(TranscriptMessage message)
    {
        var order = ObjectId.NewObjectId();
        var conversation = ConversationOf(message.ChannelId, message.ConversationId);
        return JsonDocuments.Create(KeyOf(conversation, message.LineId, order), message, new Dictionary<string, BsonValue>
        {
            ["at"] = JsonDocuments.Ms(message.At),
            ["order"] = order,
        });
    }

    /// <summary>A line's key: its conversation, then its line id, or "~" and an ObjectId (no "|": never a line id's ending).</summary>
    public static string KeyOf(string conversation, string? lineId, ObjectId order) =>
        lineId is null ? $"{conversation}|~{order}" : $"{conversation}|{lineId}";

    /// <summary>The activity part of a line id ("a1" of "a1|user" and "a1|bot|0"); null without one; an id of another form is its own.</summary>
    private static string? ActivityOf(string? lineId)
    {
        if (lineId is null)
        {
            return null;
        }

        if (lineId.EndsWith(UserSuffix, StringComparison.Ordinal))
        {
            return lineId[..^UserSuffix.Length];
        }

        var bot = lineId.LastIndexOf(BotPart, StringComparison.Ordinal);
        return bot > 0 && lineId.AsSpan(bot + BotPart.Length) is { Length: > 0 } n && int.TryParse(n, out _) ? lineId[..bot] : lineId;
    }

    /// <summary>
    /// One document to write: <see cref="Bundle"/> holding <see cref="Lines"/> under <see cref="Key"/>, or (Bundle null)
    /// the single line of the one-line layout.
    /// </summary>
    public sealed record Written(BsonValue Key, List<BsonDocument> Lines, BsonDocument? Bundle)
    {
        public BsonDocument Document => Bundle ?? Lines[0];
    }
}

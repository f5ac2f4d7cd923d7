namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// What one web chat notification between instances says (channel <c>PostgresDatabase.DirectLineChannel</c>). Payloads
/// are lines; they carry ids and, for an append, at most the activity as the log stores it, which every instance reads
/// anyway (never logged):
/// <list type="bullet">
/// <item><c>origin\nconversation</c>: an append by an instance from before the activity rode along (no number);</item>
/// <item><c>origin\nconversation\nseq\njson</c>: an append, and the activity as stored (when it fits in NOTIFY's 8000 bytes);</item>
/// <item><c>origin\nconversation\nseq</c>: an append too large to ride along;</item>
/// <item><c>origin\nconversation\n-</c>: the conversation's activities were erased;</item>
/// <item><c>origin\n\n*</c>: activities of any conversation were erased (retention).</item>
/// </list>
/// </summary>
internal sealed record DirectLineNotification(string Origin, string ConversationId, DirectLineNotificationKind Kind, long Seq, string? Json)
{
    /// <summary>The payload prefix of an append, completed by <c>ib_directline_append</c> with the number and the activity.</summary>
    public static string AppendPrefix(string origin, string conversationId) => origin + "\n" + conversationId;

    public static string Erased(string origin, string conversationId) => origin + "\n" + conversationId + "\n-";

    public static string ErasedAny(string origin) => origin + "\n\n*";

    /// <summary>Null for a payload of none of the shapes above.</summary>
    public static DirectLineNotification? Parse(string payload)
    {
        var parts = payload.Split('\n', 4);
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return null;
        }

        return parts switch
        {
            [var origin, var conversation] when conversation.Length > 0 => new(origin, conversation, DirectLineNotificationKind.Appended, 0, null),
            [var origin, "", "*"] => new(origin, string.Empty, DirectLineNotificationKind.ErasedAny, 0, null),
            [var origin, var conversation, "-"] when conversation.Length > 0 => new(origin, conversation, DirectLineNotificationKind.Erased, 0, null),
            [var origin, var conversation, var seq, ..] when conversation.Length > 0 && long.TryParse(seq, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 =>
                new(origin, conversation, DirectLineNotificationKind.Appended, number, parts.Length == 4 ? parts[3] : null),
            _ => null,
        };
    }
}

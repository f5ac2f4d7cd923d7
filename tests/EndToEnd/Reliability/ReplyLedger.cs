using System.Text.Json;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>Checks a conversation's log: every message once, answered, nothing duplicated.</summary>
internal static class ReplyLedger
{
    /// <summary>Problems found in <paramref name="log"/> for <paramref name="messages"/>; empty when all is well.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<JsonElement> log, IEnumerable<SentMessage> messages, bool exactlyOneReply)
    {
        var problems = new List<string>();
        var ids = log.Select(a => a.GetProperty("id").GetString()).ToList();
        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"activity id {g.Key} appears {g.Count()} times"));

        var replies = log.Where(a => Role(a) == "bot" && a.TryGetProperty("replyToId", out _)).ToList();
        problems.AddRange(replies.GroupBy(a => a.GetProperty("replyToId").GetString() + "\u0001" + Text(a))
            .Where(g => g.Count() > 1).Select(g => $"reply duplicated: {g.Key.Replace('\u0001', ' ')}"));

        foreach (var message in messages)
        {
            var echoes = log.Count(a => Role(a) == "user" && Text(a) == message.Text);
            if (echoes != 1)
            {
                problems.Add($"message '{message.Text}' is in the log {echoes} times");
            }

            if (message.AcceptedBeforeCrash is { } before && before != message.AcceptedId)
            {
                problems.Add($"message '{message.Text}' got id {message.AcceptedId} after the restart, {before} before");
            }

            var answered = replies.Count(a => a.GetProperty("replyToId").GetString() == message.AcceptedId);
            if (answered == 0 || (exactlyOneReply && answered != 1))
            {
                problems.Add($"message '{message.Text}' ({message.AcceptedId}) has {answered} replies");
            }
        }

        return problems;
    }

    public static bool AllAnswered(IReadOnlyList<JsonElement> log, IEnumerable<SentMessage> messages) =>
        messages.All(m => log.Any(a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var r) && r.GetString() == m.AcceptedId));

    private static string? Role(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null;

    private static string? Text(JsonElement activity) => activity.TryGetProperty("text", out var t) ? t.GetString() : null;
}

using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>
/// The last activity parsed from a JSON string, kept beside an <see cref="OutboxEntry"/> so it is parsed once. Equal to
/// every other instance, so it never changes the entry's record equality; safe across threads (one immutable pair is
/// swapped in whole, and a race only parses twice).
/// </summary>
internal sealed class ParsedActivity
{
    private Parsed? _last;

    public Activity? Of(string json)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Json, json))
        {
            return last.Activity;
        }

        var activity = ActivityJson.Deserialize(json);
        if (activity is not null)
        {
            Volatile.Write(ref _last, new Parsed(json, activity));
        }

        return activity;
    }

    public override bool Equals(object? obj) => obj is ParsedActivity;

    public override int GetHashCode() => 0;

    private sealed record Parsed(string Json, Activity Activity);
}

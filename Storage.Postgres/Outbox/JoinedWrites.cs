using IntegrationBot.Dialogs.State;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.Handoff;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary>
/// The writes the flows make just before a turn's commit that ride in its commit call instead of costing statements of
/// their own (issue 19): the turn's transcript lines and its topic counts. <see cref="PostgresTurnSessions"/> makes one
/// per turn the <see cref="Current"/> of the turn's async flow; the transcript store and the topic counters join it
/// when a turn of the same database (and, for lines, the same conversation) is open there, and write on their own
/// otherwise (a proactive write outside a turn, a console action).
/// </summary>
/// <remarks>
/// What joined and was not committed when the session ends (the turn failed after writing them, or a count came in
/// after the commit) is written on its own then, as it was before, so nothing a flow wrote is lost to a failed turn.
/// A commit that loses an eTag race drops what joined: the rerun of the turn writes it again.
/// </remarks>
internal sealed class JoinedWrites(PostgresDatabase database, string conversationKey)
{
    private static readonly AsyncLocal<JoinedWrites?> Flow = new();

    private readonly Lock _gate = new();
    private readonly List<TranscriptMessage> _lines = [];
    private readonly List<TopicDailyCount> _counts = [];
    private PostgresTranscriptStore? _transcripts;
    private PostgresTopicStatistics? _statistics;
    private bool _open;

    /// <summary>The open turn of the calling async flow, if any.</summary>
    public static JoinedWrites? Current => Flow.Value;

    /// <summary>
    /// Makes this the turn of the calling flow. Called synchronously by the method the turn runner awaits: a change made
    /// inside an async method ends with it, one made in a synchronous call stays with the caller, i.e. the rest of the
    /// turn (its middleware and bot run in the runner's flow after the session began).
    /// </summary>
    public void Enter() => Flow.Value = this;

    /// <summary>The session holds the conversation: joins are taken from now on.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _open = true;
        }
    }

    /// <summary>True when the lines will be written by the turn's commit; false when the caller must write them.</summary>
    public bool TryJoin(PostgresDatabase store, PostgresTranscriptStore transcripts, IReadOnlyList<TranscriptMessage> lines) =>
        store == database
        && lines.All(l => ConversationState.KeyFor(l.ChannelId, l.ConversationId) == conversationKey)
        && TryAdd(() =>
        {
            _transcripts = transcripts;
            _lines.AddRange(lines);
        });

    /// <summary>True when the counts will be added by the turn's commit; false when the caller must add them.</summary>
    public bool TryJoin(PostgresDatabase store, PostgresTopicStatistics statistics, IReadOnlyList<TopicDailyCount> counts) =>
        store == database
        && TryAdd(() =>
        {
            _statistics = statistics;
            _counts.AddRange(counts);
        });

    /// <summary>
    /// The arguments of <c>ib_turn_commit</c> for what joined so far (empty arrays when nothing did), and how many lines
    /// and counts they hold, for <see cref="Forget"/>.
    /// </summary>
    public ((string Name, object? Value)[] Arguments, (int Lines, int Counts) Sent) Pending()
    {
        lock (_gate)
        {
            return ([.. PostgresTranscriptStore.Arguments(_lines), .. PostgresTopicStatistics.Arguments(_counts)], (_lines.Count, _counts.Count));
        }
    }

    /// <summary>
    /// Forgets what joined: the commit wrote it (or found the turn a repeat), or lost a race, whose rerun joins it again.
    /// Only what joined before <paramref name="sent"/> lines and counts were sent: a late count stays for the session's end.
    /// </summary>
    public void Forget((int Lines, int Counts) sent)
    {
        lock (_gate)
        {
            _lines.RemoveRange(0, Math.Min(sent.Lines, _lines.Count));
            _counts.RemoveRange(0, Math.Min(sent.Counts, _counts.Count));
        }
    }

    /// <summary>Ends the turn: later joins are refused; what joined and was not committed is written on its own.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        List<TranscriptMessage> lines;
        List<TopicDailyCount> counts;
        lock (_gate)
        {
            _open = false;
            lines = [.. _lines];
            counts = [.. _counts];
            _lines.Clear();
            _counts.Clear();
        }

        if (lines.Count > 0 && _transcripts is { } transcripts)
        {
            await transcripts.AppendManyAsync(lines, cancellationToken);
        }

        if (counts.Count > 0 && _statistics is { } statistics)
        {
            await statistics.AddNowAsync(counts, cancellationToken);
        }
    }

    private bool TryAdd(Action add)
    {
        lock (_gate)
        {
            if (!_open)
            {
                return false;
            }

            add();
            return true;
        }
    }
}

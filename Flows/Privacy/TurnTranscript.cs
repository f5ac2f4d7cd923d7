using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// The transcript lines of one turn, kept back and written together when the turn ends: one write instead of one
/// per line. A step that needs the lines stored before the turn ends (a handoff reads the transcript, an erasure
/// deletes it) calls <see cref="FlushAsync"/> first.
/// </summary>
public sealed class TurnTranscript
{
    private static readonly TurnStateKey<TurnTranscript> Key = new("IntegrationBot.TurnTranscript");
    private readonly ITranscriptStore _store;
    private readonly List<TranscriptMessage> _pending = [];

    private TurnTranscript(ITranscriptStore store) => _store = store;

    /// <summary>Writes the lines kept back so far in this turn, if any; a no-op outside a turn that keeps a transcript.</summary>
    public static Task FlushAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Key.Get(turnContext) is { } transcript ? transcript.WriteAsync(cancellationToken) : Task.CompletedTask;
    }

    internal static TurnTranscript Begin(ITurnContext turnContext, ITranscriptStore store)
    {
        var transcript = new TurnTranscript(store);
        Key.Set(turnContext, transcript);
        return transcript;
    }

    internal void Add(TranscriptMessage line) => _pending.Add(line);

    internal Task WriteAsync(CancellationToken cancellationToken) => WriteAsync(beforeCommit: false, cancellationToken);

    /// <summary>At the end of a turn whose durable commit comes next: the commit's disk sync covers the lines too.</summary>
    internal Task WriteBeforeCommitAsync(CancellationToken cancellationToken) => WriteAsync(beforeCommit: true, cancellationToken);

    private async Task WriteAsync(bool beforeCommit, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // Cleared only once stored: a failed write leaves the lines for the next attempt in this turn.
        List<TranscriptMessage> lines = [.. _pending];
        await (beforeCommit ? _store.AppendBeforeCommitAsync(lines, cancellationToken) : _store.AppendManyAsync(lines, cancellationToken));
        _pending.Clear();
    }
}

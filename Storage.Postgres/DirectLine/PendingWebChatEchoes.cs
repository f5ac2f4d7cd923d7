using System.Collections.Concurrent;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// The people's web chat messages posted to this instance whose turns have not committed yet (issue 19): the store
/// registers each (<c>PostgresDirectLineStore.AppendBeforeTurnAsync</c>), the turn's session takes it by the turn's
/// inbound key and writes its line in the commit call (<c>PostgresTurnSessions</c>), and erasures mark those of their
/// conversation so that none is written after it. One per database, i.e. per process or instance.
/// </summary>
/// <remarks>
/// An entry lives from the POST to its turn's commit. One whose turn never started (the runner failed before it, which
/// does not happen today) would stay: the map is bounded by refusing new entries when full, and the store then
/// appends the message first, as before, which is always safe.
/// </remarks>
internal sealed class PendingWebChatEchoes
{
    /// <summary>Messages held at most; far above what a busy instance has between POST and commit.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, PendingWebChatEcho> _echoes = new(StringComparer.Ordinal);

    public int Count => _echoes.Count;

    /// <summary>
    /// Registers <paramref name="echo"/>, or returns the one a resend of the same message registered first
    /// (<paramref name="isNew"/> false); null when full (the caller appends the message first instead).
    /// </summary>
    public PendingWebChatEcho? Register(PendingWebChatEcho echo, out bool isNew)
    {
        ArgumentNullException.ThrowIfNull(echo);
        if (_echoes.TryGetValue(echo.InboundKey, out var pending))
        {
            isNew = false;
            return pending;
        }

        isNew = true;
        if (_echoes.Count >= Capacity)
        {
            return null;
        }

        pending = _echoes.GetOrAdd(echo.InboundKey, echo);
        isNew = ReferenceEquals(pending, echo);
        return pending;
    }

    /// <summary>The echo the turn with <paramref name="inboundKey"/> writes, if this instance holds one no other session took.</summary>
    public PendingWebChatEcho? TryClaim(string inboundKey) =>
        _echoes.TryGetValue(inboundKey, out var echo) && echo.TryClaim() ? echo : null;

    /// <summary>The echo is settled (written, or known not to be): a later resend finds it in the log.</summary>
    public void Settled(PendingWebChatEcho echo)
    {
        ArgumentNullException.ThrowIfNull(echo);
        _echoes.TryRemove(new KeyValuePair<string, PendingWebChatEcho>(echo.InboundKey, echo));
    }

    /// <summary>A conversation's activities were erased (or the whole conversation): its pending messages are not written.</summary>
    public void Erase(string conversationId)
    {
        foreach (var echo in _echoes.Values)
        {
            if (echo.ConversationId == conversationId)
            {
                echo.Erase();
            }
        }
    }
}

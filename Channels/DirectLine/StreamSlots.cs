using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Caps the open Direct Line WebSocket streams per conversation and per IP address: each holds buffers and a
/// wake-up per append, so an unbounded number of them on one conversation exhausts the host's memory.</summary>
public sealed class StreamSlots(IOptions<DirectLineOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perIp = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the stream ends, or null when either cap is reached.</summary>
    public IDisposable? TryOpen(string conversationId, string ipAddress)
    {
        lock (_gate)
        {
            if (_perConversation.GetValueOrDefault(conversationId) >= options.Value.MaxStreamsPerConversation
                || _perIp.GetValueOrDefault(ipAddress) >= options.Value.MaxStreamsPerIp)
            {
                return null;
            }

            Change(_perConversation, conversationId, +1);
            Change(_perIp, ipAddress, +1);
            return new Lease(this, conversationId, ipAddress);
        }
    }

    private void Close(string conversationId, string ipAddress)
    {
        lock (_gate)
        {
            Change(_perConversation, conversationId, -1);
            Change(_perIp, ipAddress, -1);
        }
    }

    // Counts that reach zero are removed, so addresses and conversations seen once are not remembered forever.
    private static void Change(Dictionary<string, int> counts, string key, int by)
    {
        var count = counts.GetValueOrDefault(key) + by;
        if (count <= 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }
    }

    private sealed class Lease(StreamSlots slots, string conversationId, string ipAddress) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                slots.Close(conversationId, ipAddress);
            }
        }
    }
}

using System.Collections.Concurrent;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Routing;

/// <summary>Who is on shift: a counselor is online with an open console stream or any console request within the online window.</summary>
public sealed class CounselorPresence(IOptions<HandoffOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _streams = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.OrdinalIgnoreCase);

    // How many times each counselor logged out: a stream opened before the last logout ends because of it and must not
    // mark them as just seen (they stayed "online" for the whole window after logging out, and got transfers).
    private readonly ConcurrentDictionary<string, int> _logouts = new(StringComparer.OrdinalIgnoreCase);

    public void Seen(string counselor) => _lastSeen[counselor] = time.GetUtcNow();

    /// <summary>Marks an open stream unless the counselor already has <paramref name="max"/> open (null then); dispose
    /// the result when the stream ends.</summary>
    public IDisposable? TryStreamOpened(string counselor, int max)
    {
        while (true)
        {
            if (!_streams.TryGetValue(counselor, out var open))
            {
                if (_streams.TryAdd(counselor, 1))
                {
                    break;
                }
            }
            else if (open >= max)
            {
                return null;
            }
            else if (_streams.TryUpdate(counselor, open + 1, open))
            {
                break;
            }
        }

        Seen(counselor);
        return new StreamLease(this, counselor, _logouts.GetValueOrDefault(counselor));
    }

    public void LoggedOut(string counselor)
    {
        _logouts.AddOrUpdate(counselor, 1, (_, n) => n + 1);
        _lastSeen.TryRemove(counselor, out _);
    }

    public bool IsOnline(string counselor) =>
        (_streams.TryGetValue(counselor, out var n) && n > 0)
        || (_lastSeen.TryGetValue(counselor, out var at) && time.GetUtcNow() - at <= options.Value.OnlineWindow);

    private sealed class StreamLease(CounselorPresence presence, string counselor, int logoutsAtOpen) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                presence._streams.AddOrUpdate(counselor, 0, (_, n) => Math.Max(0, n - 1));
                if (presence._logouts.GetValueOrDefault(counselor) == logoutsAtOpen)
                {
                    presence.Seen(counselor);
                }
            }
        }
    }
}

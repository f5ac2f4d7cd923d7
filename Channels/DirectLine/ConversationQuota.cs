using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Limits how many new web chat conversations one IP address may open per hour.</summary>
public sealed class ConversationQuota(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _opened = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>Addresses with a conversation opened in the last hour (older ones are forgotten).</summary>
    public int TrackedAddresses => _opened.Count;

    public bool TryOpen(string ipAddress)
    {
        var now = time.GetUtcNow();
        ForgetIdleAddresses(now);
        var window = _opened.GetOrAdd(ipAddress, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() > Window)
            {
                window.Dequeue();
            }

            if (window.Count >= options.Value.MaxConversationsPerIpPerHour)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }

    /// <summary>Once per window, drops addresses whose last conversation is older than the window: without this, every
    /// address ever seen (a scan from many addresses) would stay in memory for the life of the process.</summary>
    private void ForgetIdleAddresses(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < Window.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (address, window) in _opened)
        {
            lock (window)
            {
                if (window.Count == 0 || now - window.Last() > Window)
                {
                    _opened.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(address, window));
                }
            }
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Limits how many new web chat conversations one IP address may open per hour.</summary>
public sealed class ConversationQuota(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _opened = new(StringComparer.Ordinal);

    public bool TryOpen(string ipAddress)
    {
        var now = time.GetUtcNow();
        var window = _opened.GetOrAdd(ipAddress, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() > TimeSpan.FromHours(1))
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
}

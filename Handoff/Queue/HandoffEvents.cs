using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IntegrationBot.Handoff.Queue;

/// <summary>In-process fan-out of queue changes to live console streams. Slow subscribers drop the oldest changes;
/// the console refetches on every change, so a dropped one only delays an update.</summary>
public sealed class HandoffEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<HandoffChange>> _subscribers = new();

    public void Publish(HandoffChange change)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    /// <summary>Registers a subscriber at once (so no change published after this call is missed); it is removed when the token is cancelled.</summary>
    public ChannelReader<HandoffChange> Subscribe(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<HandoffChange>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        cancellationToken.Register(() =>
        {
            _subscribers.TryRemove(id, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public int SubscriberCount => _subscribers.Count;
}

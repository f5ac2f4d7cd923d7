using System.Globalization;
using System.Text;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// One conversation's recent activities for <see cref="RecentActivities"/>: every activity with a sequence number in
/// (<c>floor</c>, <c>known</c>] is held, in order. Appends that finish out of order (two writers on one conversation)
/// wait aside until the gap before them is filled, so a reader never skips an activity. A gap that is still open after
/// <see cref="RecentActivities.GapPatience"/> never fills here (its append was committed by a writer whose caller gave up,
/// e.g. an aborted POST): the tail then starts over after the newest, and readers behind it go to the store.
/// </summary>
internal sealed class ConversationTail(long floor, long now)
{
    private static readonly byte[] SetStart = "{\"activities\":["u8.ToArray();
    private static readonly byte[] WatermarkStart = "],\"watermark\":\""u8.ToArray();
    private static readonly byte[] SetEnd = "\"}"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly Queue<(long Seq, byte[] Json)> _entries = new();
    private SortedDictionary<long, byte[]>? _early;
    private long _floor = floor;
    private long _known = floor;
    private long _bytes;
    private bool _dropped;
    private long _gapSince;

    public long LastAppend { get; private set; } = now;

    /// <summary>True when <paramref name="seq"/> needs no <see cref="Add"/>: held, or before what is held.</summary>
    public bool Holds(long seq)
    {
        lock (_gate)
        {
            return _dropped || seq <= _known || (_early?.ContainsKey(seq) ?? false);
        }
    }

    /// <summary>Adds an activity; returns the change in bytes held.</summary>
    public long Add(long seq, byte[] json, long now)
    {
        lock (_gate)
        {
            if (_dropped || seq <= _known)
            {
                return 0;
            }

            var before = _bytes;
            LastAppend = now;
            if (seq == _known + 1)
            {
                Keep(seq, json);
                while (_early is { Count: > 0 } && _early.Remove(_known + 1, out var next))
                {
                    _bytes -= next.Length;
                    Keep(_known + 1, next);
                }
            }
            else if ((_early ??= []).Count < RecentActivities.PerConversation)
            {
                if (_early.Count == 0)
                {
                    _gapSince = now;
                }

                _early[seq] = json;
                _bytes += json.Length;
            }
            else
            {
                StartOverAfter(seq);
            }

            return _bytes - before;
        }
    }

    /// <summary>The Direct Line activity set after <paramref name="watermark"/>, or null when it starts before what is held.</summary>
    public byte[]? TryRead(long watermark, long now, TimeProvider time, out long next, out int count)
    {
        lock (_gate)
        {
            next = watermark;
            count = 0;
            if (_early is { Count: > 0 } && time.GetElapsedTime(_gapSince, now) > RecentActivities.GapPatience)
            {
                StartOverAfter(_early.Keys.Max());
            }

            if (_dropped || watermark < _floor)
            {
                return null;
            }

            var size = SetStart.Length + WatermarkStart.Length + SetEnd.Length + 20;
            foreach (var (seq, json) in _entries)
            {
                if (seq > watermark)
                {
                    size += json.Length + 1;
                    count++;
                }
            }

            using var set = new MemoryStream(size);
            set.Write(SetStart);
            var first = true;
            foreach (var (seq, json) in _entries)
            {
                if (seq <= watermark)
                {
                    continue;
                }

                if (!first)
                {
                    set.WriteByte((byte)',');
                }

                set.Write(json);
                first = false;
            }

            // As the store does: with nothing new the watermark stays where the reader is.
            next = count > 0 ? _known : watermark;
            set.Write(WatermarkStart);
            set.Write(Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
            set.Write(SetEnd);
            return set.ToArray();
        }
    }

    /// <summary>Empties the tail for good; returns the bytes it held.</summary>
    public long Clear()
    {
        lock (_gate)
        {
            _dropped = true;
            var held = _bytes;
            _entries.Clear();
            _early = null;
            _bytes = 0;
            return held;
        }
    }

    /// <summary>A gap that does not fill: start over after <paramref name="seq"/>; older readers go to the store.</summary>
    private void StartOverAfter(long seq)
    {
        _entries.Clear();
        _early?.Clear();
        _bytes = 0;
        _floor = _known = seq;
    }

    private void Keep(long seq, byte[] json)
    {
        _entries.Enqueue((seq, json));
        _bytes += json.Length;
        _known = seq;
        while (_entries.Count > RecentActivities.PerConversation)
        {
            var (dropped, old) = _entries.Dequeue();
            _bytes -= old.Length;
            _floor = dropped;
        }
    }
}

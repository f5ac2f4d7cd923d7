using Telegram.Bot.Types;

namespace IntegrationBot.Channels.Telegram;

/// <summary>
/// Recognizes a second tap of the same button on the same message within a few seconds, with no other tap of that
/// person between (a double tap, or an impatient second tap while the answer is on its way): Telegram sends each tap as
/// its own update, so the turn runner's duplicate check by <c>update_id</c> does not see it, and the whole answer went
/// out twice. Per process: taps of one chat reach one webhook or poller within seconds of each other.
/// </summary>
public sealed class RepeatedTaps(TimeProvider time)
{
    /// <summary>How long a tap makes the same tap again a repeat.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    // Each person's last tap in each chat, and the same in the order taken, to forget them after the window.
    private readonly Dictionary<string, Tap> _last = new(StringComparer.Ordinal);
    private readonly Queue<(string Tapper, Tap Tap)> _byTime = new();
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="query"/> repeats the person's last tap, taken less than <see cref="Window"/>
    /// ago. The update that was taken is not a repeat of itself: Telegram redelivers it after a failed turn.</summary>
    public bool IsRepeat(int updateId, CallbackQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Payloads are not trusted to be whole: a tap without its message or sender is not matched with another.
        if (query.Message is not { Chat: { } chat } message || query.From is not { } from)
        {
            return false;
        }

        var tapper = $"{chat.Id}|{from.Id}";
        var button = $"{message.MessageId}|{query.Data}";
        var now = time.GetUtcNow();
        lock (_gate)
        {
            ForgetOlderThan(now - Window);
            if (_last.TryGetValue(tapper, out var last) && last.Button == button)
            {
                return last.UpdateId != updateId;
            }

            var tap = new Tap(button, updateId, now);
            _last[tapper] = tap;
            _byTime.Enqueue((tapper, tap));
            return false;
        }
    }

    private void ForgetOlderThan(DateTimeOffset cutoff)
    {
        while (_byTime.TryPeek(out var oldest) && oldest.Tap.At <= cutoff)
        {
            _byTime.Dequeue();
            if (_last.TryGetValue(oldest.Tapper, out var last) && last == oldest.Tap)
            {
                _last.Remove(oldest.Tapper);
            }
        }
    }

    private sealed record Tap(string Button, int UpdateId, DateTimeOffset At);
}

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>One inbound message as its sender delivers it: when <see cref="AbortsFirst"/>, the first attempt writes the
/// whole request and hangs up; then the sender posts it again until the host acknowledges it (200), as Telegram
/// redelivers an update and Web Chat resends a message with the same clientActivityID.</summary>
internal sealed class Delivery(bool abortsFirst, Func<CancellationToken, Task> hangUp, Func<CancellationToken, Task<bool>> post)
{
    private bool _hungUp;

    public bool AbortsFirst { get; } = abortsFirst;

    /// <summary>True while the aborted first attempt was made and the message is not acknowledged yet.</summary>
    public bool AbortedAndUnacknowledged => _hungUp && !Acknowledged;

    public bool Acknowledged { get; private set; }

    /// <returns>True once the host acknowledged it; false when the host was down or going down.</returns>
    public async Task<bool> DeliverAsync(CancellationToken ct)
    {
        if (AbortsFirst && !_hungUp)
        {
            _hungUp = true;
            await hangUp(ct);
        }

        Acknowledged = await post(ct);
        return Acknowledged;
    }
}

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Where a counselor's message is on its way to the person: <see cref="Pending"/> (with the reason while it
/// waits to be sent again, e.g. "rate limited"), <see cref="Delivered"/>, or <see cref="Failed"/> (with why, e.g.
/// "unreachable: blocked").</summary>
public sealed record MessageDelivery(string State, string? Reason = null)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static MessageDelivery Sending { get; } = new(Pending);
}

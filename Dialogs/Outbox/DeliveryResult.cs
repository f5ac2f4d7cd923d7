namespace IntegrationBot.Dialogs.Outbox;

/// <summary>What a channel said about one delivery attempt.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, TimeSpan? Delay = null, string? Reason = null, bool Permanent = false, bool RecipientGone = false)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);

    /// <summary>The channel asked us to wait (e.g. Telegram 429 <c>retry_after</c>).</summary>
    public static DeliveryResult RetryAfter(TimeSpan delay) => new(DeliveryOutcome.RetryAfter, delay);

    /// <summary>A failure; permanent ones (user blocked the bot, bad request) are dead-lettered at once.</summary>
    public static DeliveryResult Failed(string reason, bool permanent) => new(DeliveryOutcome.Failed, Reason: reason, Permanent: permanent);

    /// <summary>The person cannot be reached on this channel (blocked the bot, unsubscribed); <paramref name="reason"/>
    /// is an <c>UnreachableReason</c>. Nothing more is sent to them until they write again.</summary>
    public static DeliveryResult Gone(string reason) => new(DeliveryOutcome.Failed, Reason: reason, Permanent: true, RecipientGone: true);
}

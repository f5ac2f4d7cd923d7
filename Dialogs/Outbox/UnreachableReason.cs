namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Why a person cannot be reached on a channel (values are part of the console API: <c>unreachable</c>).</summary>
public static class UnreachableReason
{
    /// <summary>Telegram: 403 "bot was blocked by the user".</summary>
    public const string Blocked = "blocked";

    /// <summary>Viber: the person unsubscribed (or Telegram: deactivated, kicked the bot).</summary>
    public const string Left = "left";
}

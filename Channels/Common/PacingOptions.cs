using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Channels.Common;

/// <summary>How fast a channel sends (<c>IntegrationBot:Channels:Telegram:Pacing</c>, <c>…:Viber:Pacing</c>).</summary>
/// <remarks>Defaults follow Telegram's published limits (about 30 messages a second overall, about one a second per
/// chat), kept a little under them so that timer jitter never makes a second hold 31.</remarks>
public sealed record PacingOptions
{
    [Range(1, 1000)]
    public double MessagesPerSecond { get; set; } = 25;

    [Range(0.01, 100)]
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages one chat may get at once, so a turn's two or three replies are not spread over seconds.</summary>
    [Range(1, 100)]
    public int PerChatBurst { get; set; } = 3;

    /// <summary>Whether a channel can send at this pace at all (checked at start by each channel that uses it).</summary>
    public bool IsUsable => MessagesPerSecond > 0 && PerChatPerSecond > 0 && PerChatBurst >= 1;
}

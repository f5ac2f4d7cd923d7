using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Part of a conversation's log and the watermark to continue from.</summary>
public sealed record ActivityPage(IReadOnlyList<Activity> Activities, long Watermark);

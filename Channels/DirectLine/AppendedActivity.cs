using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>An activity as stored in the log; <see cref="IsNew"/> is false when a resend was recognised.</summary>
public sealed record AppendedActivity(Activity Activity, long Watermark, bool IsNew);

using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Flows.Plan;

/// <summary>Settings of "My first steps" and its reminders (section IntegrationBot:Plan).</summary>
public sealed class PlanOptions
{
    public const string Section = "IntegrationBot:Plan";

    /// <summary>Channels that can reach a person later, comma-separated: only there reminders are offered.</summary>
    [Required]
    public string ReminderChannels { get; set; } = "telegram,viber";

    /// <summary>How many days before a deadline the reminder comes.</summary>
    [Range(1, 30)]
    public int DaysBeforeDeadline { get; set; } = 3;

    /// <summary>A step still open this many days after arrival (or after the plan was made) gets a reminder.</summary>
    [Range(1, 365)]
    public int WaitingDays { get; set; } = 14;

    /// <summary>Reminders go out only from this local hour (Europe/Ljubljana) ...</summary>
    [Range(0, 23)]
    public int FirstHour { get; set; } = 8;

    /// <summary>... until before this local hour.</summary>
    [Range(1, 24)]
    public int EndHour { get; set; } = 20;

    /// <summary>How often each instance looks for reminders that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The web chat shows the plan again to a person who comes back to the page after at least this long away (since they
    /// last wrote or came back); a reload in the middle of a conversation does not put the checklist into it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ShowOnReturnAfter { get; set; } = TimeSpan.FromHours(1);

    public bool CanRemindOn(string? channelId) =>
        channelId is not null && ReminderChannels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(channelId, StringComparer.Ordinal);
}

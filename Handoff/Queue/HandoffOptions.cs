namespace IntegrationBot.Handoff.Queue;

/// <summary>Queue, timeout, console and retention settings (section IntegrationBot:Handoff).</summary>
public sealed class HandoffOptions
{
    public const string Section = "IntegrationBot:Handoff";

    /// <summary>An unclaimed request is closed after this much office-open time.</summary>
    public TimeSpan UnclaimedTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>An active conversation is closed when the user has been silent this long.</summary>
    public TimeSpan SilentUserTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Used for the wait estimate given to the user: position × this.</summary>
    public TimeSpan EstimatedTimePerRequest { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A counselor counts as online with an open console stream or a request within this window.</summary>
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many recent messages of the conversation are attached to a new request.</summary>
    public int TranscriptMessages { get; set; } = 20;

    public int RetentionDays { get; set; } = 90;

    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(6);

    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Console login attempts one IP address may make per minute (any names); more get 429.</summary>
    public int LoginsPerIpPerMinute { get; set; } = 10;

    /// <summary>Absolute lifetime of a console session from login, however active it stays (the cookie also slides: 10 h idle).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

namespace IntegrationBot.Handoff.Queue;

/// <summary>Who wrote a transcript entry.</summary>
public enum TranscriptAuthor
{
    User,
    Bot,
    Counselor,
    System,
}

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>The outcome of <see cref="TurnRunner.ProcessActivityAsync"/>: processed (with the ids of the replies queued) or duplicate.</summary>
public sealed record TurnResult(TurnStatus Status, IReadOnlyList<string> ReplyIds)
{
    public static TurnResult Duplicate { get; } = new(TurnStatus.Duplicate, []);
}

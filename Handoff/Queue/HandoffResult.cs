namespace IntegrationBot.Handoff.Queue;

/// <summary>Outcome of a queue operation; Request is the stored state after the operation (or the current one on failure).</summary>
public sealed record HandoffResult(HandoffResultKind Kind, HandoffRequest? Request)
{
    public bool Succeeded => Kind == HandoffResultKind.Ok;

    public static HandoffResult Ok(HandoffRequest request) => new(HandoffResultKind.Ok, request);

    public static HandoffResult Fail(HandoffResultKind kind, HandoffRequest? request = null) => new(kind, request);
}

namespace IntegrationBot.Handoff.Queue;

/// <summary>How Handoff reaches the user; implemented by the host with the channels (proactive turns, localized text, outbox).</summary>
public interface IUserMessenger
{
    /// <summary>Relay a counselor's message to the user (text is the counselor's own words, not localized).</summary>
    Task CounselorMessageAsync(HandoffRequest request, string counselorName, string text, CancellationToken cancellationToken);

    /// <summary>A counselor took the conversation.</summary>
    Task ClaimedAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken);

    /// <summary>The holder released the conversation back to the queue, or transferred it to counselors of another language:
    /// tell the person their request waits again (at <paramref name="position"/>) and another counselor will write.</summary>
    /// <remarks>A default body keeps hosts that predate it compiling; the host's messenger overrides it.</remarks>
    Task ReleasedAsync(HandoffRequest request, int position, bool transferred, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The holder handed the conversation to a colleague, who now holds it: tell the person who continues.</summary>
    Task TransferredAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) =>
        ClaimedAsync(request, counselorName, cancellationToken);

    /// <summary>The counselor closed: thank the user, ask the 1–5 satisfaction question, give control back to the bot.</summary>
    Task ClosedAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>The request was closed automatically; tell the user why and that they can ask again.</summary>
    Task TimedOutAsync(HandoffRequest request, HandoffTimeoutReason reason, CancellationToken cancellationToken);
}

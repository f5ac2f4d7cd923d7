using System.Text.Json.Serialization;

namespace IntegrationBot.Flows.State;

/// <summary>
/// What the flows remember about one conversation (saved with every turn). A question that waits for the next message
/// is a dialog on the stack (<see cref="FlowState.Dialogs"/>), not a field here; fields of older versions that are no
/// longer here (PendingSwitchLanguage, PendingSwitchQuestion) are skipped when state is read, and a counselor request
/// that waited for consent in one (<see cref="EarlierPendingHandoffReason"/>) moves onto the stack.
/// </summary>
public sealed record ConversationData
{
    /// <summary>The conversation's language code; null until chosen or detected.</summary>
    public string? Language { get; init; }

    /// <summary>For hbs: the person writes in Cyrillic, so answers go out in Cyrillic.</summary>
    public bool Cyrillic { get; init; }

    /// <summary>
    /// For hbs: the person chose Cyrillic themselves (the chooser's Cyrillic button, the web chat's "Ћирилица"), so a
    /// question typed in Latin keeps Cyrillic answers: many phones have only a Latin keyboard. Choosing Latin ends it.
    /// </summary>
    public bool CyrillicChosen { get; init; }

    /// <summary>The greeting with the language buttons was shown.</summary>
    public bool Greeted { get; init; }

    public PrivacyChoice Privacy { get; init; }

    /// <summary>
    /// Only in state saved before the wait for consent became a dialog: the reason of a counselor request that waited
    /// for the privacy answer at the upgrade. The next turn moves it onto the dialog stack; it is never written again.
    /// </summary>
    [JsonPropertyName("pendingHandoffReason")]
    public string? EarlierPendingHandoffReason { get; init; }

    /// <summary>
    /// An emergency came before the privacy notice was accepted: its message and what follows are kept for the counselor
    /// on vital interests (GDPR Art. 6(1)(d)), and the urgent counselor needs no consent step. Ends when the handoff ends.
    /// </summary>
    public bool VitalInterests { get; init; }

    /// <summary>Whether this conversation's messages may be kept for the counselors: consent, or an emergency.</summary>
    public bool KeepsTranscript => Privacy == PrivacyChoice.Accepted || VitalInterests;

    public HandoffPhase Handoff { get; init; }

    /// <summary>While waiting, the person was told once that the request is still in the queue.</summary>
    public bool QueueReminded { get; init; }

    /// <summary>The open (or last) handoff request of this conversation.</summary>
    public Guid? HandoffId { get; init; }

    /// <summary>The topic last answered, for the handoff request and feedback.</summary>
    public string? LastTopic { get; init; }

    /// <summary>The last question the knowledge base could not answer well, for feedback.</summary>
    public string? LastQuestion { get; init; }

    /// <summary>Why a counselor would be called now (set by the last answer: sensitive, none, 👎 ...).</summary>
    public string? CounselorReason { get; init; }

    /// <summary>Languages the person declined to switch to; never asked again.</summary>
    public IReadOnlyList<string> DeclinedSwitches { get; init; } = [];

    /// <summary>The person's "My first steps" plan; null until the intake is done.</summary>
    public PersonalPlan? Plan { get; init; }

    /// <summary>
    /// When a person with a plan last wrote or came back to the web chat page: coming back after a while shows the plan
    /// again, a reload in the middle of a conversation does not (<see cref="Flows.Plan.PlanOptions.ShowOnReturnAfter"/>).
    /// </summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>
    /// The plan's questions were stopped part way (a person asked for in the middle): the answers so far, until /plan
    /// goes on with them. Not a waiting question (nothing waits for the next message), so not on the dialog stack.
    /// </summary>
    public PlanDraft? PlanDraft { get; init; }

    /// <summary>The buttons under the bot's last message: a message equal to a title means that button.</summary>
    public IReadOnlyList<OfferedAction> Offered { get; init; } = [];
}

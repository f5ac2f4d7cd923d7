using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// Marks the bot's messages once a conversation touched an emergency or a sensitive topic (violence, asylum, legal aid…),
/// with the activity name <see cref="Name"/>. The web chat page keeps a conversation on the device for a day so that a
/// new tab finds a counselor's later answer (Bot/wwwroot/chat.js); a marked one it keeps in the tab only, so that the
/// next person at a shared or a family computer who opens the site does not see "my husband is hitting me". Other
/// channels ignore the name; a message with a name of its own (the erasure's confirmation) keeps it.
/// </summary>
public static class SensitiveMark
{
    public const string Name = "sensitiveConversation";

    public static bool Applies(FlowTurn turn) =>
        turn.Data.CounselorReason is nameof(HandoffReason.Emergency) or nameof(HandoffReason.Sensitive);

    /// <summary>Checked at send time: the emergency's answer sets the reason before its first message, so all are marked.</summary>
    public static void Stamp(ITurnContext context, FlowTurn turn) =>
        OutgoingMessages.Stamp(context, message => message.Name is null && Applies(turn) ? message with { Name = Name } : message);
}

using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Everything one turn writes, committed atomically: state changes, replies for the outbox, and the inbound id.</summary>
public sealed record TurnCommit(
    string ConversationKey,
    string? InboundKey,
    IReadOnlyDictionary<string, StoredItem> StateChanges,
    IReadOnlyList<Activity> Outgoing);

using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// Carries out /delete: withdraws an open handoff, erases the person in every registered Handoff store (queue,
/// transcripts, feedback), their pending outbox entries, and the conversation and user state of this turn.
/// </summary>
public sealed class PersonalDataEraser(
    HandoffQueue queue,
    IEnumerable<IUserDataEraser> erasers,
    IEnumerable<IErasureCheckpoint> checkpoints,
    IOutboxStore outbox,
    FlowState state)
{
    public async Task EraseAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        // Lines of this turn kept back until its end would otherwise be written after the erasure.
        await TurnTranscript.FlushAsync(turn.Context, cancellationToken);
        var activity = turn.Context.Activity;
        if (CounselorFlow.IsOpen(turn.Data))
        {
            await queue.CancelAsync(turn.Data.HandoffId!.Value, "deleted by user", cancellationToken);
        }

        if (activity.ChannelId is { } channelId && activity.From?.Id is { } userId)
        {
            // The runtime's own eraser would delete this turn's state under it and force a rerun; the turn erases
            // its state and outbox itself below, and commits that deletion atomically with its last reply.
            // A stored conversation log (web chat) is emptied but kept open, so the confirmation still reaches the person.
            foreach (var eraser in erasers.DistinctBy(e => e.Name).Where(e => e.Name != ErasureSubject.RuntimeEraserName))
            {
                await (eraser is IConversationKeepingEraser keeping && activity.Conversation?.Id is { } conversationId
                    ? keeping.DeleteUserDataKeepingConversationAsync(channelId, userId, conversationId, cancellationToken)
                    : eraser.DeleteUserDataAsync(channelId, userId, cancellationToken));
            }
        }

        await outbox.DeleteConversationAsync(ConversationState.KeyFor(activity), cancellationToken);
        await state.EraseAsync(turn.Context, cancellationToken);
        turn.Erased = true;
        foreach (var checkpoint in checkpoints)
        {
            checkpoint.Erased(); // waits until this turn's deletion has committed
        }
    }
}

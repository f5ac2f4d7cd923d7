using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.LiteDb.DirectLine;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// The web chat sequence numbers kept in memory are bounded: a conversation with no message waiting for its turn's
/// commit can be dropped, since the file then knows its last number; one with a message waiting must stay (its number,
/// and what an erasure leaves of it, are only here).
/// </summary>
public sealed class LiteDbWebChatSequencesTests
{
    [Fact]
    public void Conversations_without_a_waiting_message_are_dropped_when_full_and_continue_from_the_file()
    {
        var sequences = new LiteDbWebChatSequences();
        var waiting = Reserve(sequences, "waiting", lastInFile: 4)!;
        var fileReads = 0;
        for (var i = 0; i < LiteDbWebChatSequences.Capacity + 10; i++)
        {
            var reserved = Reserve(sequences, $"c{i}", lastInFile: 0)!;
            sequences.Settled($"c{i}", reserved);
        }

        Assert.True(sequences.Count <= LiteDbWebChatSequences.Capacity, $"{sequences.Count} conversations kept");
        // The dropped one asks the file again (which the commit brought to 1) and goes on after it.
        var next = Reserve(sequences, "c0", lastInFile: 1, onFileRead: () => fileReads++)!;
        Assert.Equal((2L, 1), (next.Line.Watermark, fileReads));
        // The waiting one kept its number: the next comes after it, without asking the file.
        var after = Reserve(sequences, "waiting", lastInFile: 0, onFileRead: () => fileReads++)!;
        Assert.Equal((5L, 6L, 1), (waiting.Line.Watermark, after.Line.Watermark, fileReads));
    }

    [Fact]
    public void An_erased_conversation_refuses_messages_even_after_it_was_dropped()
    {
        var sequences = new LiteDbWebChatSequences();
        sequences.Settled("d1", Reserve(sequences, "d1", lastInFile: 0)!);
        sequences.Erasing("d1", deleted: true);

        Assert.Null(Reserve(sequences, "d1", lastInFile: 1));
        for (var i = 0; i < LiteDbWebChatSequences.Capacity + 10; i++)
        {
            sequences.Settled($"c{i}", Reserve(sequences, $"c{i}", lastInFile: 0)!);
        }

        // The file no longer has it: refused again.
        Assert.Null(Reserve(sequences, "d1", lastInFile: null));
    }

    private static LiteDbWebChatSequences.Reservation? Reserve(LiteDbWebChatSequences sequences, string conversationId, long? lastInFile, Action? onFileRead = null) =>
        sequences.Reserve(
            conversationId,
            dedupeKey: null,
            () =>
            {
                onFileRead?.Invoke();
                return lastInFile;
            },
            () => null,
            seq => new AppendedActivity(new Activity { Type = ActivityTypes.Message, Id = $"{conversationId}|{seq:D7}" }, seq, IsNew: true));
}

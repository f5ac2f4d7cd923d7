using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>IDirectLineStore: per-conversation sequence (the watermark), dedupe, erase and retention.</summary>
public abstract class DirectLineStoreContract : StoreContract
{
    [Fact]
    public async Task Conversation_is_created_once_and_keeps_its_locale()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));

        Assert.True(await log.CreateConversationAsync("d1", "u1", "sq", Ct));
        Assert.False(await log.CreateConversationAsync("d1", "u1", "en", Ct));

        Assert.True(await log.ConversationExistsAsync("d1", Ct));
        Assert.False(await log.ConversationExistsAsync("d2", Ct));
        Assert.Equal("sq", await log.LocaleOfAsync("d1", Ct));
    }

    [Fact]
    public async Task Appends_are_numbered_per_conversation_and_read_after_a_watermark()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        await log.CreateConversationAsync("d1", "u1", null, Ct);
        await log.CreateConversationAsync("d2", "u2", null, Ct);

        var first = (await log.AppendAsync("d1", Message("directline", "d1", "a"), null, Ct))!;
        var other = (await log.AppendAsync("d2", Message("directline", "d2", "x"), null, Ct))!;
        var second = (await log.AppendAsync("d1", Message("directline", "d1", "b"), null, Ct))!;

        Assert.Equal((1L, 1L, 2L), (first.Watermark, other.Watermark, second.Watermark));
        Assert.Equal("d1|0000002", second.Activity.Id);
        var page = await log.ReadAsync("d1", 1, Ct);
        Assert.Equal(["b"], page.Activities.Select(a => a.Text));
        Assert.Equal(2L, page.Watermark);
        Assert.Equal(2, (await log.ReadAsync("d1", null, Ct)).Activities.Count);
        Assert.Equal(2L, (await log.ReadAsync("d1", 2, Ct)).Watermark);
    }

    [Fact]
    public async Task A_conversations_log_is_its_own_next_to_ids_that_begin_like_it()
    {
        // LiteDB finds a conversation's lines by the beginning of their key ("d1|0000001"): "d1x" and "d1|x" begin like
        // it, and "_" is a wildcard there. Reading, clearing and deleting d1 must touch d1's lines only.
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        string[] conversations = ["d1x", "d1|x", "d_1", "d1"];
        foreach (var conversation in conversations)
        {
            await log.CreateConversationAsync(conversation, "u1", null, Ct);
            await log.AppendAsync(conversation, Message("directline", conversation, $"in {conversation}"), null, Ct);
        }

        Assert.Equal(["in d1"], (await log.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["in d_1"], (await log.ReadAsync("d_1", null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(1, await log.ClearActivitiesAsync("d_1", Ct));
        await log.DeleteConversationAsync("d1", Ct);

        Assert.Empty((await log.ReadAsync("d1", null, Ct)).Activities);
        Assert.Empty((await log.ReadAsync("d_1", null, Ct)).Activities);
        Assert.Equal(["in d1x"], (await log.ReadAsync("d1x", null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["in d1|x"], (await log.ReadAsync("d1|x", null, Ct)).Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task An_activity_with_a_seen_dedupe_key_is_returned_not_appended()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        await log.CreateConversationAsync("d1", "u1", null, Ct);

        var first = (await log.AppendAsync("d1", Message("directline", "d1", "hi"), "client-1", Ct))!;
        var again = (await log.AppendAsync("d1", Message("directline", "d1", "hi"), "client-1", Ct))!;

        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal((first.Watermark, first.Activity.Id), (again.Watermark, again.Activity.Id));
        Assert.Single((await log.ReadAsync("d1", null, Ct)).Activities);
        Assert.Equal(2L, (await log.AppendAsync("d1", Message("directline", "d1", "next"), "client-2", Ct))!.Watermark);
    }

    [Fact]
    public async Task Concurrent_appends_get_consecutive_sequence_numbers()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(TimeProvider.System);
        await log.CreateConversationAsync("d1", "u1", null, Ct);

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            log.AppendAsync("d1", Message("directline", "d1", $"m{i}"), $"k{i}", Ct))));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), appended.Select(a => a!.Watermark).Order());
        Assert.Equal(40, (await log.ReadAsync("d1", null, Ct)).Activities.Count);
    }

    [Fact]
    public async Task Deleting_a_conversation_erases_its_log_and_retention_purges_old_activities()
    {
        await using var store = await OpenAsync();
        var time = new FakeTimeProvider(Start);
        var log = store.DirectLine(time);
        await log.CreateConversationAsync("d1", "u1", null, Ct);
        await log.CreateConversationAsync("d2", "u2", null, Ct);
        await log.AppendAsync("d1", Message("directline", "d1", "a"), null, Ct);
        await log.AppendAsync("d2", Message("directline", "d2", "old"), null, Ct);
        time.Advance(TimeSpan.FromDays(10));
        await log.AppendAsync("d2", Message("directline", "d2", "new"), null, Ct);

        await log.DeleteConversationAsync("d1", Ct);
        var purged = await log.PurgeOlderThanAsync(Start.AddDays(5), Ct);

        Assert.False(await log.ConversationExistsAsync("d1", Ct));
        Assert.Empty((await log.ReadAsync("d1", null, Ct)).Activities);
        Assert.Equal(1, purged);
        Assert.Equal(["new"], (await log.ReadAsync("d2", null, Ct)).Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task An_append_never_brings_back_an_erased_or_unknown_conversation()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        await log.CreateConversationAsync("d1", "u1", "en", Ct);
        await log.AppendAsync("d1", Message("directline", "d1", "a"), null, Ct);
        await log.DeleteConversationAsync("d1", Ct);

        // A reply delivered just after the person erased the conversation (or to one that never was) is refused.
        var late = await log.AppendAsync("d1", Message("directline", "d1", "late reply"), "reply:r1", Ct);
        var unknown = await log.AppendAsync("d9", Message("directline", "d9", "x"), null, Ct);

        Assert.Null(late);
        Assert.Null(unknown);
        Assert.False(await log.ConversationExistsAsync("d1", Ct));
        Assert.False(await log.ConversationExistsAsync("d9", Ct));
        Assert.Empty((await log.ReadAsync("d1", null, Ct)).Activities);
    }

    [Fact]
    public async Task Clearing_a_conversation_erases_its_activities_but_keeps_it_and_its_sequence()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        await log.CreateConversationAsync("d1", "u1", "sl", Ct);
        await log.CreateConversationAsync("d2", "u2", null, Ct);
        await log.AppendAsync("d1", Message("directline", "d1", "a"), "k-a", Ct);
        await log.AppendAsync("d1", Message("directline", "d1", "b"), null, Ct);
        await log.AppendAsync("d2", Message("directline", "d2", "x"), null, Ct);

        var cleared = await log.ClearActivitiesAsync("d1", Ct);
        var next = (await log.AppendAsync("d1", Message("directline", "d1", "c"), "k-a", Ct))!;

        Assert.Equal(2, cleared);
        Assert.True(await log.ConversationExistsAsync("d1", Ct));
        Assert.Equal("sl", await log.LocaleOfAsync("d1", Ct));
        Assert.True(next.IsNew);
        Assert.Equal((3L, "d1|0000003"), (next.Watermark, next.Activity.Id));
        Assert.Equal(["c"], (await log.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["c"], (await log.ReadAsync("d1", 2, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["x"], (await log.ReadAsync("d2", null, Ct)).Activities.Select(a => a.Text));
    }
}

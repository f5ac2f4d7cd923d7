using System.Text;
using System.Text.Json;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Channels.Tests.DirectLine;

public sealed class RecentActivitiesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddYears(56));

    [Fact]
    public void A_new_conversation_is_served_from_memory_from_its_start()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1, 2, 3);

        var set = Read(recent, "c1", null);

        Assert.Equal(["c1|1", "c1|2", "c1|3"], set.Ids);
        Assert.Equal("3", set.Watermark);
    }

    [Fact]
    public void A_reader_behind_the_kept_activities_is_sent_to_the_store()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", [.. Enumerable.Range(1, RecentActivities.PerConversation + 4)]);

        Assert.Null(recent.TryRead("c1", 3, out _, out _));
        var fromFloor = Read(recent, "c1", 4);
        Assert.Equal(RecentActivities.PerConversation, fromFloor.Ids.Count);
        Assert.Equal("c1|5", fromFloor.Ids[0]);
    }

    [Fact]
    public void A_conversation_first_seen_mid_log_serves_only_what_follows()
    {
        var recent = new RecentActivities(_clock);
        Append(recent, "c1", 8);

        Assert.Null(recent.TryRead("c1", null, out _, out _));
        Assert.Null(recent.TryRead("c1", 6, out _, out _));
        Assert.Equal(["c1|8"], Read(recent, "c1", 7).Ids);
    }

    [Fact]
    public void An_append_that_finishes_early_waits_until_the_gap_before_it_is_filled()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1, 3);

        var partial = Read(recent, "c1", 0);
        Assert.Equal(["c1|1"], partial.Ids);
        Assert.Equal(0, Count(recent, "c1", 1));

        Append(recent, "c1", 2);
        Assert.Equal(["c1|2", "c1|3"], Read(recent, "c1", 1).Ids);
    }

    [Fact]
    public void A_gap_that_never_fills_sends_readers_to_the_store_instead_of_holding_them_at_the_old_watermark()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1, 3); // 2 was committed by a POST whose client hung up, and never reported here

        _clock.Advance(RecentActivities.GapPatience + TimeSpan.FromSeconds(1));

        Assert.Null(recent.TryRead("c1", 1, out _, out _));
        Append(recent, "c1", 4);
        Assert.Equal(["c1|4"], Read(recent, "c1", 3).Ids);
    }

    [Fact]
    public void Nothing_new_keeps_the_readers_watermark()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1);

        var set = Read(recent, "c1", 1);

        Assert.Empty(set.Ids);
        Assert.Equal("1", set.Watermark);
    }

    [Fact]
    public void A_forgotten_conversation_is_read_from_the_store()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1);

        recent.Forget("c1");

        Assert.False(recent.Knows("c1"));
        Assert.Null(recent.TryRead("c1", 0, out _, out _));
        Assert.Equal(0, recent.Bytes);
    }

    [Fact]
    public void Idle_conversations_are_evicted()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("idle");
        Append(recent, "idle", 1);
        _clock.Advance(RecentActivities.IdleEviction + TimeSpan.FromMinutes(1));

        recent.Started("busy");
        Append(recent, "busy", 1);

        Assert.False(recent.Knows("idle"));
        Assert.True(recent.Knows("busy"));
    }

    [Fact]
    public void Memory_stays_under_the_cap_and_the_least_recently_active_go_first()
    {
        var recent = new RecentActivities(_clock);
        var json = new byte[8 * 1024];
        var conversations = (int)(RecentActivities.MaxTotalBytes / json.Length) + 200;
        for (var i = 0; i < conversations; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            recent.Started("c" + i);
            recent.Appended("c" + i, 1, json);
        }

        Assert.True(recent.Bytes <= RecentActivities.MaxTotalBytes, $"{recent.Bytes} bytes held");
        Assert.False(recent.Knows("c0"));
        Assert.True(recent.Knows("c" + (conversations - 1)));
    }

    [Fact]
    public void A_load_of_ten_thousand_one_turn_conversations_keeps_at_most_4_MB_and_the_last_thousand_in_memory()
    {
        // One turn as the load test's web chat makes it: the question and two answers of a few hundred characters.
        var recent = new RecentActivities(_clock);
        const int conversations = 10_000;
        for (var i = 0; i < conversations; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            var id = "c" + i;
            recent.Started(id);
            recent.Appended(id, 1, JsonSerializer.SerializeToUtf8Bytes(Message(id, 1, new string('q', 60)), ActivityJson.Options));
            recent.Appended(id, 2, JsonSerializer.SerializeToUtf8Bytes(Message(id, 2, new string('a', 700)), ActivityJson.Options));
            recent.Appended(id, 3, JsonSerializer.SerializeToUtf8Bytes(Message(id, 3, new string('b', 500)), ActivityJson.Options));
        }

        Assert.True(recent.Bytes <= 4L * 1024 * 1024, $"{recent.Bytes} bytes held");
        Assert.All(Enumerable.Range(conversations - 1_000, 1_000), i => Assert.Equal(3, Count(recent, "c" + i, 0)));
    }

    [Fact]
    public void A_conversation_evicted_for_the_bound_serves_a_page_that_keeps_up_from_memory_again_from_its_next_append()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("first");
        Append(recent, "first", 1, 2);
        var json = new byte[64 * 1024];
        for (var i = 0; recent.Knows("first"); i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            recent.Started("c" + i);
            recent.Appended("c" + i, 1, json);
        }

        // The page had read up to 2; the conversation's next line is served from memory, the older ones are not.
        Append(recent, "first", 3);

        Assert.Equal(["first|3"], Read(recent, "first", 2).Ids);
        Assert.Null(recent.TryRead("first", 1, out _, out _));
        Assert.True(recent.Bytes <= RecentActivities.MaxTotalBytes, $"{recent.Bytes} bytes held");
    }

    [Fact]
    public void The_activity_set_from_memory_is_the_same_json_as_from_the_store()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        var activities = new[] { Message("c1", 1, "Zdravo — مرحبا"), Message("c1", 2, "second") };
        foreach (var (activity, seq) in activities.Select((a, i) => (a, i + 1L)))
        {
            recent.Appended("c1", seq, JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options));
        }

        var fromMemory = recent.TryRead("c1", null, out _, out _)!;
        var fromStore = DirectLineStream.Serialize(new ActivityPage(activities, 2));

        Assert.Equal(Encoding.UTF8.GetString(fromStore), Encoding.UTF8.GetString(fromMemory));
    }

    private static Activity Message(string conversationId, long seq, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{conversationId}|{seq}",
        Text = text,
        Conversation = new ConversationAccount(conversationId),
    };

    [Fact]
    public void A_line_found_already_in_the_log_fills_the_gap_a_held_tail_waits_on_and_nothing_else()
    {
        var recent = new RecentActivities(_clock);
        recent.Started("c1");
        Append(recent, "c1", 1, 3);
        var calls = 0;

        // Line 2 was committed (with its turn) but never announced; a resend finds it in the log.
        recent.Found("c1", 2, () => Json("c1", 2, ref calls));
        recent.Found("c1", 1, () => Json("c1", 1, ref calls));
        // No tail here: newer lines may follow line 5 in the store, so memory must not claim to know them.
        recent.Found("c2", 5, () => Json("c2", 5, ref calls));

        Assert.Equal(["c1|1", "c1|2", "c1|3"], Read(recent, "c1", null).Ids);
        Assert.False(recent.Knows("c2"));
        Assert.Equal(1, calls);
    }

    private static byte[] Json(string conversationId, long seq, ref int calls)
    {
        calls++;
        return JsonSerializer.SerializeToUtf8Bytes(Message(conversationId, seq, "m" + seq), ActivityJson.Options);
    }

    private static void Append(RecentActivities recent, string conversationId, params long[] seqs)
    {
        foreach (var seq in seqs)
        {
            recent.Appended(conversationId, seq, JsonSerializer.SerializeToUtf8Bytes(Message(conversationId, seq, "m" + seq), ActivityJson.Options));
        }
    }

    private static int Count(RecentActivities recent, string conversationId, long? watermark)
    {
        Assert.NotNull(recent.TryRead(conversationId, watermark, out _, out var count));
        return count;
    }

    private static (List<string> Ids, string Watermark) Read(RecentActivities recent, string conversationId, long? watermark)
    {
        var json = recent.TryRead(conversationId, watermark, out _, out _);
        Assert.NotNull(json);
        using var set = JsonDocument.Parse(json);
        return (
            [.. set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)],
            set.RootElement.GetProperty("watermark").GetString()!);
    }
}

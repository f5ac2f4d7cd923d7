using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>Transcripts, unanswered questions, counselors and canned responses.</summary>
public abstract class HandoffRecordsContract : StoreContract
{
    [Fact]
    public async Task Recent_transcript_is_the_last_messages_in_write_order_even_with_equal_times()
    {
        await using var store = await OpenAsync();
        foreach (var text in new[] { "one", "two", "three", "four" })
        {
            await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", "conv-1", "user-1", Start, TranscriptAuthor.User, text), Ct);
        }

        await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", "conv-2", "user-2", Start, TranscriptAuthor.User, "other"), Ct);

        var recent = await store.Transcripts.RecentAsync("telegram", "conv-1", 3, Ct);

        Assert.Equal(["two", "three", "four"], recent.Select(m => m.Text));
    }

    [Fact]
    public async Task A_conversation_keeps_its_own_lines_next_to_ids_that_begin_like_it()
    {
        await using var store = await OpenAsync();
        // LiteDB finds a conversation's lines by the beginning of their key: "c1|x" begins like "c1|", and "_" is a
        // wildcard there; neither may show in c1's transcript, keyed or not.
        foreach (var conversation in new[] { "c1|x", "c_1", "c11", "C1", "c1" })
        {
            await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", conversation, "user-1", Start, TranscriptAuthor.User, $"in {conversation}") { LineId = "upd-1|user" }, Ct);
            await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", conversation, "user-1", Start, TranscriptAuthor.Bot, $"from {conversation}"), Ct);
        }

        Assert.Equal(["in c1", "from c1"], (await store.Transcripts.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["in c_1", "from c_1"], (await store.Transcripts.RecentAsync("telegram", "c_1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["in c1|x", "from c1|x"], (await store.Transcripts.RecentAsync("telegram", "c1|x", 10, Ct)).Select(m => m.Text));
        Assert.Empty(await store.Transcripts.RecentAsync("viber", "c1", 10, Ct));
    }

    [Fact]
    public async Task Appending_the_same_activity_line_twice_keeps_one_line()
    {
        await using var store = await OpenAsync();
        var line = new TranscriptMessage("telegram", "conv-1", "user-1", Start, TranscriptAuthor.User, "asked once") { LineId = "upd-7|user" };

        // As a turn rerun after an eTag conflict does: the same user line, later and again.
        await store.Transcripts.AppendAsync(line, Ct);
        await store.Transcripts.AppendAsync(line with { At = Start.AddSeconds(1) }, Ct);
        await store.Transcripts.AppendAsync(line with { ConversationId = "conv-2" }, Ct);
        await store.Transcripts.AppendAsync(line with { LineId = "upd-8|user", Text = "asked twice" }, Ct);
        await store.Transcripts.AppendAsync(line with { LineId = null, Text = "no id" }, Ct);
        await store.Transcripts.AppendAsync(line with { LineId = null, Text = "no id" }, Ct);

        Assert.Equal(["asked once", "asked twice", "no id", "no id"], (await store.Transcripts.RecentAsync("telegram", "conv-1", 10, Ct)).Select(m => m.Text));
        Assert.Single(await store.Transcripts.RecentAsync("telegram", "conv-2", 10, Ct));
        Assert.DoesNotContain("upd-7", (await store.Transcripts.ExportUserDataAsync("telegram", "user-1", Ct)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turns_lines_appended_together_keep_their_order_and_skip_lines_already_stored()
    {
        await using var store = await OpenAsync();
        var user = new TranscriptMessage("telegram", "conv-1", "user-1", Start, TranscriptAuthor.User, "question") { LineId = "upd-9|user" };
        await store.Transcripts.AppendAsync(user, Ct);

        // A rerun of the turn: the user's line again, the bot's lines for the first time (one of them twice).
        await store.Transcripts.AppendManyAsync(
            [
                user with { At = Start.AddSeconds(1) },
                user with { Author = TranscriptAuthor.Bot, Text = "answer", LineId = "upd-9|bot|0" },
                user with { Author = TranscriptAuthor.Bot, Text = "related", LineId = "upd-9|bot|1" },
                user with { Author = TranscriptAuthor.Bot, Text = "related again", LineId = "upd-9|bot|1" },
                user with { Author = TranscriptAuthor.Bot, Text = "proactive", LineId = null },
            ],
            Ct);
        await store.Transcripts.AppendManyAsync([], Ct);
        await store.Transcripts.AppendManyAsync([user with { Author = TranscriptAuthor.Bot, Text = "answer again", LineId = "upd-9|bot|0" }], Ct);

        var recent = await store.Transcripts.RecentAsync("telegram", "conv-1", 10, Ct);
        Assert.Equal(["question", "answer", "related", "proactive"], recent.Select(m => m.Text));
        Assert.Equal([TranscriptAuthor.User, TranscriptAuthor.Bot, TranscriptAuthor.Bot, TranscriptAuthor.Bot], recent.Select(m => m.Author));
        Assert.Equal(4, (await store.Transcripts.ExportUserDataAsync("telegram", "user-1", Ct)).AsArray().Count);
    }

    [Fact]
    public async Task Transcripts_are_exported_erased_per_user_and_purged_by_age()
    {
        await using var store = await OpenAsync();
        await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", "conv-1", "user-1", Start, TranscriptAuthor.User, "mine"), Ct);
        await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", "conv-2", "user-2", Start, TranscriptAuthor.User, "old"), Ct);
        await store.Transcripts.AppendAsync(new TranscriptMessage("telegram", "conv-2", "user-2", Start.AddDays(10), TranscriptAuthor.Bot, "new"), Ct);

        var export = await store.Transcripts.ExportUserDataAsync("telegram", "user-1", Ct);
        Assert.Equal("mine", export.AsArray().Single()!["text"]!.GetValue<string>());
        Assert.Equal(1, await store.Transcripts.DeleteUserDataAsync("telegram", "user-1", Ct));
        Assert.Empty(await store.Transcripts.RecentAsync("telegram", "conv-1", 10, Ct));

        Assert.Equal(1, await store.Transcripts.PurgeOlderThanAsync(Start.AddDays(5), Ct));
        Assert.Equal(["new"], (await store.Transcripts.RecentAsync("telegram", "conv-2", 10, Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Unanswered_questions_list_newest_first_and_are_erased_and_purged()
    {
        await using var store = await OpenAsync();
        await store.Unanswered.RecordAsync(new UnansweredQuestion("telegram", "user-1", "sl", null, "q1", UnansweredKind.NoMatch, Start), Ct);
        await store.Unanswered.RecordAsync(new UnansweredQuestion("telegram", "user-2", "en", "work", "q2", UnansweredKind.NegativeFeedback, Start.AddDays(1)), Ct);
        await store.Unanswered.RecordAsync(new UnansweredQuestion("telegram", "user-2", "en", null, "q3", UnansweredKind.NoMatch, Start.AddDays(2)), Ct);

        Assert.Equal(["q3", "q2"], (await store.Unanswered.RecentAsync(2, Ct)).Select(q => q.Text));
        Assert.Equal(2, (await store.Unanswered.ExportUserDataAsync("telegram", "user-2", Ct)).AsArray().Count);
        Assert.Equal(2, await store.Unanswered.DeleteUserDataAsync("telegram", "user-2", Ct));
        Assert.Equal(1, await store.Unanswered.PurgeOlderThanAsync(Start.AddHours(1), Ct));
        Assert.Empty(await store.Unanswered.RecentAsync(10, Ct));
    }

    [Fact]
    public async Task Counselor_names_are_case_insensitive_and_saving_replaces()
    {
        await using var store = await OpenAsync();
        await store.Counselors.SaveAsync(Counselor("Mojca", "sl"), Ct);
        await store.Counselors.SaveAsync(Counselor("ana", "en"), Ct);
        await store.Counselors.SaveAsync(Counselor("MOJCA", "sl", "hbs") with { IsAdmin = true }, Ct);

        var found = await store.Counselors.FindAsync("mojca", Ct);

        Assert.True(found!.IsAdmin);
        Assert.Equal(["sl", "hbs"], found.Languages);
        Assert.Equal(["ana", "MOJCA"], (await store.Counselors.ListAsync(Ct)).Select(c => c.Name));
        Assert.Null(await store.Counselors.FindAsync("nobody", Ct));
    }

    [Fact]
    public async Task Canned_responses_filter_by_language_replace_by_id_and_delete()
    {
        await using var store = await OpenAsync();
        await store.Canned.SaveAsync(new CannedResponse("1", "sl", "Pozdrav", "Dober dan", Start), Ct);
        await store.Canned.SaveAsync(new CannedResponse("2", "en", "Hello", "Good day", Start), Ct);
        await store.Canned.SaveAsync(new CannedResponse("1", "sl", "Pozdrav", "Živijo", Start.AddDays(1)), Ct);

        Assert.Equal(["Živijo"], (await store.Canned.ListAsync("sl", Ct)).Select(r => r.Text));
        Assert.Equal(["en", "sl"], (await store.Canned.ListAsync(null, Ct)).Select(r => r.Language));
        Assert.True(await store.Canned.DeleteAsync("1", Ct));
        Assert.False(await store.Canned.DeleteAsync("1", Ct));
        Assert.Null(await store.Canned.GetAsync("1", Ct));
        Assert.Equal("Hello", (await store.Canned.GetAsync("2", Ct))!.Title);
    }

    [Fact]
    public async Task Default_canned_responses_are_added_once_and_not_again_after_an_admin_deleted_them()
    {
        await using var store = await OpenAsync();
        IReadOnlyList<CannedResponse> defaults = [new("default-greeting-sl", "sl", "Pozdrav", "Pozdravljeni!", Start), new("default-greeting-en", "en", "Greeting", "Hello!", Start)];

        Assert.True(await store.Canned.AddDefaultsOnceAsync(defaults, Ct));
        Assert.Equal(["Greeting", "Pozdrav"], (await store.Canned.ListAsync(null, Ct)).Select(r => r.Title));
        Assert.True(await store.Canned.DeleteAsync("default-greeting-sl", Ct));
        Assert.True(await store.Canned.DeleteAsync("default-greeting-en", Ct));

        Assert.False(await store.Canned.AddDefaultsOnceAsync(defaults, Ct));
        Assert.Empty(await store.Canned.ListAsync(null, Ct));
    }

    [Fact]
    public async Task A_store_that_already_has_an_office_s_own_responses_gets_no_defaults_then_or_later()
    {
        await using var store = await OpenAsync();
        await store.Canned.SaveAsync(new CannedResponse("mine", "en", "Office hours", "Ask at the desk.", Start), Ct);
        IReadOnlyList<CannedResponse> defaults = [new("default-greeting-en", "en", "Greeting", "Hello!", Start)];

        Assert.False(await store.Canned.AddDefaultsOnceAsync(defaults, Ct));
        Assert.True(await store.Canned.DeleteAsync("mine", Ct));
        Assert.False(await store.Canned.AddDefaultsOnceAsync(defaults, Ct));
        Assert.Empty(await store.Canned.ListAsync(null, Ct));
    }

    private static Counselor Counselor(string name, params string[] languages) => new()
    {
        Name = name,
        Languages = languages,
        PasswordHash = "hash",
        CreatedAt = Start,
    };
}

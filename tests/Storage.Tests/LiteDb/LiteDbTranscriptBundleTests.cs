using JsonSerializer = System.Text.Json.JsonSerializer;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Handoff;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// Issue 19: a turn's transcript lines are one LiteDB document (each document is an insert into the primary key's skip
/// list); what a counselor reads, an export, an erasure and retention still see every line once.
/// </summary>
public sealed class LiteDbTranscriptBundleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_turns_lines_are_one_document_read_exported_erased_and_purged_line_by_line()
    {
        using var database = _directory.Open();
        var store = new LiteDbTranscriptStore(database);

        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.User, "Where do I register?", "a1|user"),
                Line("c1", "u1", Start.AddMilliseconds(5), TranscriptAuthor.Bot, "At the administrative unit.", "a1|bot|0"),
                Line("c1", "u1", Start.AddMilliseconds(5), TranscriptAuthor.Bot, "Was this helpful?", "a1|bot|1"),
            ],
            Ct);
        await store.AppendManyAsync([Line("c1", "u1", Start.AddMinutes(1), TranscriptAuthor.User, "Thanks", "a2|user")], Ct);

        Assert.Equal(2, Documents(database));
        Assert.Equal(["Where do I register?", "At the administrative unit.", "Was this helpful?", "Thanks"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["Was this helpful?", "Thanks"], (await store.RecentAsync("telegram", "c1", 2, Ct)).Select(m => m.Text));
        Assert.Equal(4, (await store.ExportUserDataAsync("telegram", "u1", Ct)).AsArray().Count);

        // Retention: the first turn's document goes when its newest line is past the cut-off; the count is of lines.
        Assert.Equal(3, await store.PurgeOlderThanAsync(Start.AddSeconds(30), Ct));
        Assert.Equal(["Thanks"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(1, await store.DeleteUserDataAsync("telegram", "u1", Ct));
        Assert.Equal(0, Documents(database));
    }

    [Fact]
    public async Task A_later_write_of_the_same_turn_adds_only_its_new_lines_to_the_turns_document()
    {
        using var database = _directory.Open();
        var store = new LiteDbTranscriptStore(database);

        // A handoff writes the person's line first (TurnTranscript.FlushAsync); the end of the turn writes it again with the replies.
        await store.AppendManyAsync([Line("c1", "u1", Start, TranscriptAuthor.User, "I need a person", "a1|user")], Ct);
        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.User, "I need a person", "a1|user"),
                Line("c1", "u1", Start.AddMilliseconds(3), TranscriptAuthor.Bot, "A counselor will answer here.", "a1|bot|0"),
            ],
            Ct);
        Assert.Equal(["I need a person", "A counselor will answer here."], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(1, Documents(database));
    }

    [Fact]
    public async Task Lines_of_the_one_line_layout_and_turn_documents_read_together_without_a_line_twice()
    {
        using (var database = _directory.Open())
        {
            // As the store before this layout wrote a turn: a document per line, keyed by the line.
            var messages = database.Database.GetCollection("handoff_transcripts");
            messages.Insert(OneLine("telegram|c1|a1|user", Line("c1", "u1", Start, TranscriptAuthor.User, "first", "a1|user")));
            messages.Insert(OneLine("telegram|c1|a1|bot|0", Line("c1", "u1", Start.AddMilliseconds(1), TranscriptAuthor.Bot, "second", "a1|bot|0")));
        }

        using var reopened = _directory.Open();
        var store = new LiteDbTranscriptStore(reopened);
        // The same turn written again after the upgrade, with one more reply; then a new turn.
        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.User, "first", "a1|user"),
                Line("c1", "u1", Start.AddMilliseconds(1), TranscriptAuthor.Bot, "second", "a1|bot|0"),
                Line("c1", "u1", Start.AddMilliseconds(1), TranscriptAuthor.Bot, "third", "a1|bot|1"),
            ],
            Ct);
        await store.AppendManyAsync([Line("c1", "u1", Start.AddMinutes(1), TranscriptAuthor.User, "fourth", "a2|user")], Ct);

        Assert.Equal(["first", "second", "third", "fourth"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(4, await store.DeleteUserDataAsync("telegram", "u1", Ct));
    }

    [Fact]
    public async Task Lines_without_an_id_go_together_and_lines_of_two_users_in_one_activity_each_alone()
    {
        using var database = _directory.Open();
        var store = new LiteDbTranscriptStore(database);

        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.Counselor, "Hello, I am Maja.", null),
                Line("c1", "u1", Start.AddMilliseconds(1), TranscriptAuthor.Counselor, "How can I help?", null),
            ],
            Ct);
        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start.AddSeconds(1), TranscriptAuthor.User, "mine", "a9|user"),
                Line("c1", "u2", Start.AddSeconds(2), TranscriptAuthor.Bot, "not mine", "a9|bot|0"),
            ],
            Ct);

        Assert.Equal(3, Documents(database));
        Assert.Equal(["Hello, I am Maja.", "How can I help?", "mine", "not mine"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["Hello, I am Maja.", "How can I help?", "mine"], (await store.ExportUserDataAsync("telegram", "u1", Ct)).AsArray().Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal(1, await store.DeleteUserDataAsync("telegram", "u2", Ct));
        Assert.Equal(3, await store.DeleteUserDataAsync("telegram", "u1", Ct));
    }

    [Fact]
    public async Task Lines_without_an_id_of_two_users_are_erased_and_exported_each_with_its_own_user()
    {
        using var database = _directory.Open();
        var store = new LiteDbTranscriptStore(database);

        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.User, "mine", null),
                Line("c1", "u2", Start.AddMilliseconds(1), TranscriptAuthor.User, "not mine", null),
            ],
            Ct);

        Assert.Equal(["mine"], (await store.ExportUserDataAsync("telegram", "u1", Ct)).AsArray().Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal(1, await store.DeleteUserDataAsync("telegram", "u2", Ct));
        Assert.Equal(["mine"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
    }

    private static int Documents(SharedLiteDatabase database) =>
        database.ReadBlocking(db => db.GetCollection("handoff_transcripts").Count());

    private static BsonDocument OneLine(string id, TranscriptMessage line) => new()
    {
        ["_id"] = id,
        ["json"] = JsonSerializer.Serialize(line, HandoffJson.Options),
        ["conversation"] = $"telegram|{line.ConversationId}",
        ["user"] = $"telegram|{line.UserId}",
        ["at"] = line.At.ToUnixTimeMilliseconds(),
        ["order"] = ObjectId.NewObjectId(),
    };

    private static TranscriptMessage Line(string conversation, string user, DateTimeOffset at, TranscriptAuthor author, string text, string? lineId) =>
        new("telegram", conversation, user, at, author, text) { LineId = lineId };
}

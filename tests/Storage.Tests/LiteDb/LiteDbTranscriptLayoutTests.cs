using JsonSerializer = System.Text.Json.JsonSerializer;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Handoff;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>Data files written by earlier transcript layouts (ObjectId ids, the line id or the conversation in an indexed field) still work.</summary>
public sealed class LiteDbTranscriptLayoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lines_of_the_earlier_layout_are_read_in_order_deduplicated_erased_and_purged()
    {
        using var directory = new TempDataDirectory();
        using (var database = directory.Open())
        {
            WriteEarlierLayout(database.Database);
        }

        using var reopened = directory.Open();
        var store = new LiteDbTranscriptStore(reopened);

        // The earlier run's user line comes again with the rest of the turn (a rerun after the upgrade).
        await store.AppendManyAsync(
            [
                Line("c1", "u1", Start, TranscriptAuthor.User, "second", "m2|user"),
                Line("c1", "u1", Start, TranscriptAuthor.Bot, "third", "m2|bot|0"),
            ],
            Ct);

        Assert.Equal(["first", "second", "third"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["first", "second", "third"], (await store.ExportUserDataAsync("telegram", "u1", Ct)).AsArray().Select(m => m!["text"]!.GetValue<string>()));
        // The line index goes with the old layout, and the user, time and conversation indexes (a conversation's lines
        // are a range of the primary key now; reads by the others are rare scans) too.
        Assert.Equal(["_id"], Indexes(reopened.Database));

        Assert.Equal(1, await store.PurgeOlderThanAsync(Start.AddDays(-1), Ct));
        Assert.Equal(3, await store.DeleteUserDataAsync("telegram", "u1", Ct));
        Assert.Empty(await store.RecentAsync("telegram", "c1", 10, Ct));
    }

    [Fact]
    public async Task Lines_of_the_layout_with_a_conversation_index_move_to_keys_that_begin_with_their_conversation()
    {
        using var directory = new TempDataDirectory();
        using (var database = directory.Open())
        {
            // As the store before wrote them: a keyed line's id begins with its conversation, a line without a line id
            // has its ObjectId as id and as order, and the conversation field has an index.
            var messages = database.Database.GetCollection("handoff_transcripts");
            messages.EnsureIndex("conversation");
            var order = ObjectId.NewObjectId();
            messages.Insert(Document(order, order, Line("c1", "u1", Start, TranscriptAuthor.User, "first", null)));
            messages.Insert(Document("telegram|c1|m2|user", ObjectId.NewObjectId(), Line("c1", "u1", Start, TranscriptAuthor.User, "second", "m2|user")));
        }

        using var reopened = directory.Open();
        var store = new LiteDbTranscriptStore(reopened);
        await store.AppendAsync(Line("c1", "u1", Start, TranscriptAuthor.Bot, "third", null), Ct);

        Assert.Equal(["first", "second", "third"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(["_id"], Indexes(reopened.Database));
        Assert.All(reopened.Database.GetCollection("handoff_transcripts").FindAll(), d => Assert.StartsWith("telegram|c1|", d["_id"].AsString, StringComparison.Ordinal));
        Assert.Equal(3, await store.DeleteUserDataAsync("telegram", "u1", Ct));
    }

    [Fact]
    public async Task The_conversion_reads_a_collection_larger_than_one_batch_and_moves_every_line()
    {
        using var directory = new TempDataDirectory();
        using (var database = directory.Open())
        {
            var messages = database.Database.GetCollection("handoff_transcripts");
            messages.EnsureIndex("conversation");
            // More keyed lines than one read takes; ObjectId ids sort after every string id, so the lines to move are
            // only in the last read.
            messages.InsertBulk(Enumerable.Range(0, LiteDbBatchedScan.ReadBatchSize + 1).Select(i =>
                Document($"telegram|c2|m{i:D5}|user", ObjectId.NewObjectId(), Line("c2", "u2", Start, TranscriptAuthor.User, $"line {i}", $"m{i:D5}|user"))));
            var order = ObjectId.NewObjectId();
            messages.Insert(Document(order, order, Line("c1", "u1", Start, TranscriptAuthor.Counselor, "counselor line", null)));
        }

        using var reopened = directory.Open();
        var store = new LiteDbTranscriptStore(reopened);

        Assert.Equal(["counselor line"], (await store.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
        Assert.Equal(LiteDbBatchedScan.ReadBatchSize + 1, (await store.RecentAsync("telegram", "c2", 10_000, Ct)).Count);
        Assert.Equal(["_id"], Indexes(reopened.Database));
    }

    private static List<string> Indexes(LiteDatabase database) =>
        [.. database.GetCollection("$indexes").Find(Query.EQ("collection", "handoff_transcripts")).Select(i => i["name"].AsString).Order(StringComparer.Ordinal)];

    private static BsonDocument Document(BsonValue id, ObjectId order, TranscriptMessage line) => new()
    {
        ["_id"] = id,
        ["json"] = JsonSerializer.Serialize(line, HandoffJson.Options),
        ["conversation"] = $"telegram|{line.ConversationId}",
        ["user"] = $"telegram|{line.UserId}",
        ["at"] = line.At.ToUnixTimeMilliseconds(),
        ["order"] = order,
    };

    private static TranscriptMessage Line(string conversation, string user, DateTimeOffset at, TranscriptAuthor author, string text, string? lineId) =>
        new("telegram", conversation, user, at, author, text) { LineId = lineId };

    /// <summary>Documents exactly as the earlier store wrote them: ObjectId ids in write order and fields conversation,
    /// user, at (milliseconds) and line, each indexed.</summary>
    private static void WriteEarlierLayout(LiteDatabase database)
    {
        var messages = database.GetCollection("handoff_transcripts");
        foreach (var field in new[] { "conversation", "user", "at", "line" })
        {
            messages.EnsureIndex(field);
        }

        // Equal times, so only the ids give the order; one line has no line id; one is old enough to purge.
        var lines = new[]
        {
            Line("c1", "u1", Start, TranscriptAuthor.User, "first", null),
            Line("c1", "u1", Start, TranscriptAuthor.User, "second", "m2|user"),
            Line("c9", "u9", Start.AddDays(-30), TranscriptAuthor.User, "old", "m0|user"),
        };
        foreach (var line in lines)
        {
            messages.Insert(new BsonDocument
            {
                ["_id"] = ObjectId.NewObjectId(),
                ["json"] = JsonSerializer.Serialize(line, HandoffJson.Options),
                ["conversation"] = $"telegram|{line.ConversationId}",
                ["user"] = $"telegram|{line.UserId}",
                ["at"] = line.At.ToUnixTimeMilliseconds(),
                ["line"] = line.LineId is { } id ? $"telegram|{line.ConversationId}|{id}" : BsonValue.Null,
            });
        }
    }
}

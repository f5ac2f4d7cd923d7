using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>A web chat log written through LiteDB's typed mapper (the earlier store) reads and continues unchanged.</summary>
public sealed class LiteDbDirectLineLayoutTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_log_written_by_the_typed_mapper_keeps_its_locale_sequence_and_dedupe_keys()
    {
        using var directory = new TempDataDirectory();
        using (var database = directory.Open())
        {
            var conversations = database.Database.GetCollection<ConversationDocument>("directline_conversations");
            var log = database.Database.GetCollection<ActivityDocument>("directline_activities");
            log.EnsureIndex(a => a.ConversationId);
            log.EnsureIndex(a => a.DedupeKey);
            log.EnsureIndex(a => a.StoredAt);
            conversations.Insert(new ConversationDocument { Id = "d1", UserId = "u1", Locale = "ar", LastSeq = 2, CreatedAt = Start });
            foreach (var (seq, key, text) in new[] { (1L, "client-1", "hello"), (2L, (string?)null, "welcome") })
            {
                var activity = new Activity { Type = ActivityTypes.Message, Id = $"d1|{seq:D7}", Text = text, Conversation = new ConversationAccount("d1") };
                log.Insert(new ActivityDocument { Id = activity.Id, ConversationId = "d1", Seq = seq, DedupeKey = key, StoredAt = Start, Json = ActivityJson.Serialize(activity) });
            }
        }

        using var reopened = directory.Open();
        var store = new LiteDbDirectLineStore(reopened, new FakeTimeProvider(new DateTimeOffset(Start).AddDays(2)));

        Assert.Equal("ar", await store.LocaleOfAsync("d1", Ct));
        var retried = (await store.AppendAsync("d1", new Activity { Type = ActivityTypes.Message, Text = "hello" }, "client-1", Ct))!;
        Assert.Equal((false, 1L, "hello"), (retried.IsNew, retried.Watermark, retried.Activity.Text));
        var next = (await store.AppendAsync("d1", new Activity { Type = ActivityTypes.Message, Text = "more" }, "client-2", Ct))!;
        Assert.Equal((true, 3L, "d1|0000003"), (next.IsNew, next.Watermark, next.Activity.Id));
        Assert.Equal(["hello", "welcome", "more"], (await store.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));

        // The conversation's lines are a range of the primary key; the conversation and time indexes go.
        var indexes = reopened.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "directline_activities")).Select(i => i["name"].AsString);
        Assert.Equal(["DedupeKey", "_id"], indexes.Order(StringComparer.Ordinal));

        Assert.Equal(2, await store.PurgeOlderThanAsync(new DateTimeOffset(Start).AddDays(1), Ct));
        Assert.Equal(["more"], (await store.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));
    }

    /// <summary>The shape of the earlier store's conversation document.</summary>
    private sealed class ConversationDocument
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public string? Locale { get; set; }
        public long LastSeq { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    /// <summary>The shape of the earlier store's activity document.</summary>
    private sealed class ActivityDocument
    {
        public string Id { get; set; } = "";
        public string ConversationId { get; set; } = "";
        public long Seq { get; set; }
        public string? DedupeKey { get; set; }
        public DateTime StoredAt { get; set; }
        public string Json { get; set; } = "";
    }
}

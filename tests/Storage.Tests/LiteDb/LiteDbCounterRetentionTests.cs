using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>Sequence counters written before they carried a time: retention must not take them as ancient.</summary>
public sealed class LiteDbCounterRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_counter_without_a_time_counts_as_written_at_the_first_sweep_that_sees_it()
    {
        using var directory = new TempDataDirectory();
        using var database = directory.Open();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var privacy = new DialogsUserData(database, [], time);
        await database.WriteAsync(db => db.GetCollection("outbox_sequence").Insert(new BsonDocument { ["_id"] = "telegram/conversations/7", ["last"] = 5L }), Ct);

        Assert.Equal(0, await privacy.PurgeOlderThanAsync(time.GetUtcNow().AddDays(-30), Ct));
        Assert.True(await CounterExistsAsync());

        time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await privacy.PurgeOlderThanAsync(time.GetUtcNow().AddDays(-30), Ct));
        Assert.False(await CounterExistsAsync());

        Task<bool> CounterExistsAsync() =>
            database.ReadAsync(db => db.GetCollection("outbox_sequence").FindById("telegram/conversations/7") is not null, Ct);
    }
}

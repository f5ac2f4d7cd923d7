using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;
using LiteDB.Engine;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// The one place IntegrationBot reaches into LiteDB's internals (its log writer queue, for durable group commit).
/// These tests fail loudly when a LiteDB upgrade moves or renames what it reaches, before a weaker durability ships.
/// </summary>
public sealed class LiteDbLogQueueTests
{
    [Fact]
    public void The_log_queue_is_found_in_the_LiteDB_version_we_ship_with()
    {
        // The reflection names are LiteDB 5.0.x's; another major version must be checked by hand first.
        Assert.Equal(5, typeof(LiteEngine).Assembly.GetName().Version!.Major);
        using var directory = new TempDataDirectory();
        using var engine = new LiteEngine(new EngineSettings { Filename = Path.Combine(directory.Path, "q.db") });

        var queue = LiteDbLogQueue.Of(engine);

        using var database = new LiteDatabase(engine);
        database.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "x" });
        queue.WaitUntilWritten();
        Assert.True(new FileInfo(Path.Combine(directory.Path, "q-log.db")).Length > 0, "the committed pages reached the log file");
    }
}

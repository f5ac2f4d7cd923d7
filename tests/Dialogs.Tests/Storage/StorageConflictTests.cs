using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Dialogs.Tests.Storage;

public sealed class StorageConflictTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly List<IDisposable> _open = [];

    public static TheoryData<string> Stores => ["memory", "litedb"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Write_with_a_stale_etag_fails_and_keeps_the_newer_document(string kind)
    {
        var storage = Create(kind);
        var ct = TestContext.Current.CancellationToken;
        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = new("{\"v\":1}") }, ct);
        var first = (await storage.ReadAsync(["k"], ct))["k"];

        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = first with { Json = "{\"v\":2}" } }, ct);
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = first with { Json = "{\"v\":3}" } }, ct));

        Assert.Contains("'k'", conflict.Message);
        Assert.Contains(first.ETag!, conflict.Message);
        Assert.Equal("{\"v\":2}", (await storage.ReadAsync(["k"], ct))["k"].Json);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Creating_a_document_that_someone_else_created_meanwhile_conflicts(string kind)
    {
        var storage = Create(kind);
        var ct = TestContext.Current.CancellationToken;
        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = new("{}") }, ct);
        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = new("{\"mine\":true}") }, ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_conflict_on_one_key_writes_none_of_the_batch(string kind)
    {
        var storage = Create(kind);
        var ct = TestContext.Current.CancellationToken;
        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("{}") }, ct);
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(
            new Dictionary<string, StoredItem> { ["b"] = new("{}"), ["a"] = new("{}", "stale") }, ct));
        Assert.Empty(await storage.ReadAsync(["b"], ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Wildcard_etag_overwrites_and_delete_removes(string kind)
    {
        var storage = Create(kind);
        var ct = TestContext.Current.CancellationToken;
        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = new("{}") }, ct);
        await storage.WriteAsync(new Dictionary<string, StoredItem> { ["k"] = new("{\"x\":1}", StoredItem.AnyETag) }, ct);
        Assert.Equal("{\"x\":1}", (await storage.ReadAsync(["k"], ct))["k"].Json);
        await storage.DeleteAsync(["k"], ct);
        Assert.Empty(await storage.ReadAsync(["k"], ct));
    }

    private IStorage Create(string kind)
    {
        if (kind == "memory")
        {
            return new MemoryStorage();
        }

        var database = _directory.Open();
        _open.Add(database);
        return new LiteDbStorage(database);
    }

    public void Dispose()
    {
        _open.ForEach(d => d.Dispose());
        _directory.Dispose();
    }
}

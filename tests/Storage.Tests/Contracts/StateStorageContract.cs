using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>IStorage: eTag optimistic concurrency, all-or-nothing batches.</summary>
public abstract class StateStorageContract : StoreContract
{
    [Fact]
    public async Task Written_item_reads_back_with_an_etag()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("{\"n\":1}") }, Ct);

        var read = await store.Storage.ReadAsync(["a", "missing"], Ct);

        Assert.Equal(["a"], read.Keys);
        Assert.Equal("{\"n\":1}", read["a"].Json);
        Assert.False(string.IsNullOrEmpty(read["a"].ETag));
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_StorageConflictException()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("1") }, Ct);
        var first = (await store.Storage.ReadAsync(["a"], Ct))["a"];
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("2", first.ETag) }, Ct);

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("3", first.ETag) }, Ct));

        Assert.Equal("a", conflict.Key);
        Assert.Equal("2", (await store.Storage.ReadAsync(["a"], Ct))["a"].Json);
    }

    [Fact]
    public async Task Creating_a_key_that_exists_conflicts_and_any_etag_overwrites()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("1") }, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() => store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("2") }, Ct));
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("3", StoredItem.AnyETag) }, Ct);

        Assert.Equal("3", (await store.Storage.ReadAsync(["a"], Ct))["a"].Json);
    }

    [Fact]
    public async Task A_conflict_in_one_item_writes_none_of_the_batch()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["b"] = new("old") }, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() => store.Storage.WriteAsync(
            new Dictionary<string, StoredItem> { ["a"] = new("new"), ["b"] = new("new", "not-the-etag") }, Ct));

        var read = await store.Storage.ReadAsync(["a", "b"], Ct);
        Assert.False(read.ContainsKey("a"));
        Assert.Equal("old", read["b"].Json);
    }

    [Fact]
    public async Task Of_concurrent_writers_holding_the_same_etag_exactly_one_wins()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("0") }, Ct);
        var etag = (await store.Storage.ReadAsync(["a"], Ct))["a"].ETag;

        var attempts = Enumerable.Range(1, 20).Select(async i =>
        {
            try
            {
                await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new(i.ToString(System.Globalization.CultureInfo.InvariantCulture), etag) }, Ct);
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Deleted_keys_are_gone()
    {
        await using var store = await OpenAsync();
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["a"] = new("1"), ["b"] = new("2") }, Ct);

        await store.Storage.DeleteAsync(["a"], Ct);

        Assert.Equal(["b"], (await store.Storage.ReadAsync(["a", "b"], Ct)).Keys);
    }
}

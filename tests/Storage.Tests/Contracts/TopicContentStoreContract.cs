using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Editing.Store;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>What every knowledge-base version store must do (run over LiteDB and PostgreSQL).</summary>
public abstract class TopicContentStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh store; the second is another instance on the same data, or null for a single-process provider.</summary>
    protected abstract Task<(ITopicContentStore Store, ITopicContentStore? Second, IAsyncDisposable Scope)> OpenAsync();

    /// <summary>A fresh directory entry store, and a second instance on the same data or null for a single-process provider.</summary>
    protected abstract Task<(IDirectoryEntryStore Store, IDirectoryEntryStore? Second, IAsyncDisposable Scope)> OpenDirectoryAsync();

    /// <summary>A fresh dismissal store on its own data.</summary>
    protected abstract Task<(IBacklogDismissals Dismissals, IAsyncDisposable Scope)> OpenDismissalsAsync();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Directory_entry_versions_come_back_whole_and_in_order_and_a_taken_number_is_refused()
    {
        var (store, second, scope) = await OpenDirectoryAsync();
        await using var _ = scope;
        var other = second ?? store;
        var names = new Dictionary<string, string> { ["sl"] = "Zdravstveni dom", ["ar"] = "المركز الصحي" };
        var shipped = new DirectoryEntry("zd-postojna", true, names, "Prečna 2, 6230 Postojna", null, null, null, "https://www.openstreetmap.org/x", "https://www.zd-postojna.si/");

        Assert.True(await store.AppendAsync(new DirectoryEntryVersion("zd-postojna", 1, "shipped", At, shipped), Ct));
        Assert.True(await store.AppendAsync(new DirectoryEntryVersion("zd-postojna", 2, "Mojca", At.AddMinutes(1), shipped with { Phone = "05 700 12 34" }), Ct));
        Assert.True(await store.AppendAsync(new DirectoryEntryVersion("pic", 1, "shipped", At, shipped with { Id = "pic" }), Ct));
        Assert.False(await other.AppendAsync(new DirectoryEntryVersion("zd-postojna", 2, "Ana", At, shipped with { Phone = "1" }), Ct));

        var versions = await other.VersionsAsync("zd-postojna", Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        var latest = (await other.LatestAsync("zd-postojna", Ct))!;
        Assert.Equal("Mojca", latest.Author);
        Assert.Equal(At.AddMinutes(1), latest.At);
        Assert.Equal("05 700 12 34", latest.Entry.Phone);
        Assert.Null(latest.Entry.Hours);
        Assert.True(latest.Entry.Confirmed);
        Assert.Equal("المركز الصحي", latest.Entry.Names["ar"]);
        Assert.Equal(["pic#1", "zd-postojna#2"], (await store.LatestOfEachAsync(Ct)).Select(v => $"{v.EntryId}#{v.Version}"));
        Assert.Null(await store.LatestAsync("uoim", Ct));
    }

    [Fact]
    public async Task Dismissed_hashes_are_remembered_once_each()
    {
        var (dismissals, scope) = await OpenDismissalsAsync();
        await using var _ = scope;
        await dismissals.DismissAsync(["a1", "b2"], Ct);
        await dismissals.DismissAsync(["b2", "c3"], Ct);

        Assert.Equal(["a1", "b2", "c3"], (await dismissals.AllAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Versions_come_back_in_order_with_their_whole_content_including_unknown_fields()
    {
        var (store, _, scope) = await OpenAsync();
        await using var _ = scope;
        Assert.True(await store.AppendAsync(Version("doctor", 1, "Zdravnik"), Ct));
        Assert.True(await store.AppendAsync(Version("doctor", 2, "Osebni zdravnik"), Ct));
        Assert.True(await store.AppendAsync(Version("bank-account", 1, "Banka"), Ct));

        var versions = await store.VersionsAsync("doctor", Ct);

        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("Osebni zdravnik", versions[1].Content.In("sl")!.Title);
        Assert.Equal("Mojca", versions[1].Author);
        Assert.Equal(At, versions[1].At);
        Assert.Equal("https://example.si/source", versions[1].Content.In("sl")!.Extra!["source"].GetString());
        Assert.Equal(2, (await store.LatestAsync("doctor", Ct))!.Version);
        Assert.Equal("Zdravnik", (await store.GetAsync("doctor", 1, Ct))!.Content.In("sl")!.Title);
        Assert.Null(await store.GetAsync("doctor", 3, Ct));
        Assert.Equal(["bank-account", "doctor"], (await store.LatestOfEachAsync(Ct)).Select(v => $"{v.TopicId}").ToList());
        Assert.Equal(2, (await store.LatestOfEachAsync(Ct)).Single(v => v.TopicId == "doctor").Version);
    }

    [Fact]
    public async Task A_version_number_taken_by_a_concurrent_save_is_refused_and_the_first_stays()
    {
        var (store, second, scope) = await OpenAsync();
        await using var _ = scope;
        var other = second ?? store;

        var results = await Task.WhenAll(
            store.AppendAsync(Version("doctor", 1, "A"), Ct),
            other.AppendAsync(Version("doctor", 1, "B"), Ct));

        Assert.Single(results, r => r);
        var kept = (await store.GetAsync("doctor", 1, Ct))!.Content.In("sl")!.Title;
        Assert.Equal(results[0] ? "A" : "B", kept);
    }

    [Fact]
    public async Task Publish_points_at_one_version_and_is_seen_by_every_instance()
    {
        var (store, second, scope) = await OpenAsync();
        await using var _ = scope;
        await store.AppendAsync(Version("doctor", 1, "Zdravnik"), Ct);
        await store.AppendAsync(Version("doctor", 2, "Osebni zdravnik"), Ct);
        Assert.Null(await store.PublishedAsync("doctor", Ct));

        Assert.True(await store.PublishAsync("doctor", 2, Ct));
        Assert.False(await store.PublishAsync("doctor", 7, Ct));

        var reader = second ?? store;
        Assert.Equal(2, (await reader.PublishedAsync("doctor", Ct))!.Version);
        Assert.True(await store.PublishAsync("doctor", 1, Ct));
        Assert.Equal("Zdravnik", (await reader.PublishedAsync("doctor", Ct))!.Content.In("sl")!.Title);
        Assert.Equal(["doctor"], (await reader.PublishedOfEachAsync(Ct)).Select(v => v.TopicId));
    }

    [Fact]
    public async Task A_retirement_is_a_version_like_any_other_and_comes_back_retired_on_every_instance()
    {
        var (store, second, scope) = await OpenAsync();
        await using var _ = scope;
        var reader = second ?? store;
        var first = Version("chess-club", 1, "Šahovski klub");
        await store.AppendAsync(first, Ct);
        await store.PublishAsync("chess-club", 1, Ct);

        Assert.True(await store.AppendAsync(first with { Version = 2, Change = TopicChange.Retire, Language = null, Content = first.Content with { Retired = true } }, Ct));
        Assert.False((await reader.PublishedAsync("chess-club", Ct))!.Content.Retired); // a draft until published
        Assert.True(await store.PublishAsync("chess-club", 2, Ct));

        var published = (await reader.PublishedAsync("chess-club", Ct))!;
        Assert.True(published.Content.Retired);
        Assert.Equal(TopicChange.Retire, published.Change);
        Assert.Equal("Šahovski klub", published.Content.In("sl")!.Title); // its history and text are kept
        Assert.True(Assert.Single(await reader.PublishedOfEachAsync(Ct)).Content.Retired);
    }

    private static TopicVersion Version(string topic, int number, string title) => new(
        topic,
        number,
        "Mojca",
        At,
        TopicChange.Edit,
        "sl",
        new TopicContent
        {
            Id = topic,
            Category = "health",
            Sources = ["https://www.zzzs.si/"],
            Languages = new Dictionary<string, LanguageContent>
            {
                ["sl"] = new()
                {
                    Title = title,
                    Answer = "Odgovor",
                    Questions = ["a", "b"],
                    Keywords = ["k"],
                    Reviewed = new DateOnly(2026, 12, 5),
                    Reviewer = "Mojca",
                    Extra = new() { ["source"] = System.Text.Json.JsonSerializer.SerializeToElement("https://example.si/source") },
                },
            },
        });
}

using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresTopicContentStoreTests : TopicContentStoreContract
{
    protected override async Task<(ITopicContentStore Store, ITopicContentStore? Second, IAsyncDisposable Scope)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresTopicContentStore(backend.Database), new PostgresTopicContentStore(backend.Second().Database), backend);
    }

    protected override async Task<(IDirectoryEntryStore Store, IDirectoryEntryStore? Second, IAsyncDisposable Scope)> OpenDirectoryAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresDirectoryEntryStore(backend.Database), new PostgresDirectoryEntryStore(backend.Second().Database), backend);
    }

    protected override async Task<(IBacklogDismissals Dismissals, IAsyncDisposable Scope)> OpenDismissalsAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresBacklogDismissals(backend.Database), backend);
    }
}

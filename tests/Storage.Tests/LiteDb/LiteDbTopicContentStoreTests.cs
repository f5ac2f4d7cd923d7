using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Knowledge;

namespace IntegrationBot.Storage.Tests.LiteDb;

public sealed class LiteDbTopicContentStoreTests : TopicContentStoreContract
{
    protected override Task<(ITopicContentStore Store, ITopicContentStore? Second, IAsyncDisposable Scope)> OpenAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(ITopicContentStore, ITopicContentStore?, IAsyncDisposable)>(
            (new LiteDbTopicContentStore(database), null, new Scope(database, directory)));
    }

    protected override Task<(IDirectoryEntryStore Store, IDirectoryEntryStore? Second, IAsyncDisposable Scope)> OpenDirectoryAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(IDirectoryEntryStore, IDirectoryEntryStore?, IAsyncDisposable)>(
            (new LiteDbDirectoryEntryStore(database), null, new Scope(database, directory)));
    }

    protected override Task<(IBacklogDismissals Dismissals, IAsyncDisposable Scope)> OpenDismissalsAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(IBacklogDismissals, IAsyncDisposable)>((new LiteDbBacklogDismissals(database), new Scope(database, directory)));
    }

    private sealed class Scope(IDisposable database, IDisposable directory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            database.Dispose();
            directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

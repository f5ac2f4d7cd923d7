using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Editing.Live;

/// <summary>
/// Puts published edits into the running <see cref="KnowledgeEngine"/>: all of them at start, then one topic at a time
/// as it is published here or (PostgreSQL) on another instance. Updates run one at a time so two publishes never
/// build on the same old catalog and lose one of them.
/// </summary>
public sealed partial class LiveKnowledge(KnowledgeEngine engine, ITopicContentStore store, IDirectoryEntryStore directory, ILogger<LiveKnowledge> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies every published edit (at start): topics, then local directory entries.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        var published = await store.PublishedOfEachAsync(cancellationToken);
        var entries = await directory.LatestOfEachAsync(cancellationToken);
        if (published.Count == 0 && entries.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var catalog = engine.Catalog;
            foreach (var version in published)
            {
                catalog = With(catalog, version.Content);
            }

            foreach (var entry in entries)
            {
                catalog = catalog.WithDirectoryEntry(entry.Entry);
            }

            engine.Apply(catalog);
            LogLoaded(logger, published.Count, entries.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads every published edit again (after notifications may have been missed); false when that failed, which is
    /// logged and leaves the current content live.
    /// </summary>
    public async Task<bool> ReloadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAllAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(logger, ex);
            return false;
        }
    }

    /// <summary>
    /// Applies the published version of <paramref name="topicId"/>; false when that failed, which is logged and leaves
    /// the old content live (<see cref="LiveKnowledgeFollower"/> tries again).
    /// </summary>
    public async Task<bool> RefreshAsync(string topicId, CancellationToken cancellationToken)
    {
        try
        {
            var published = await store.PublishedAsync(topicId, cancellationToken);
            if (published is null)
            {
                return true;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                engine.Apply(With(engine.Catalog, published.Content));
                LogApplied(logger, topicId, published.Version);
            }
            finally
            {
                _gate.Release();
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex, topicId);
            return false;
        }
    }

    /// <summary>Makes <paramref name="entry"/> live in this instance's catalog (saved here, or loaded after a NOTIFY).</summary>
    public async Task ApplyDirectoryEntryAsync(DirectoryEntry entry, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            engine.Apply(engine.Catalog.WithDirectoryEntry(entry));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies the latest version of a directory entry saved on another instance; false when that failed, which is
    /// logged and leaves the old entry live (<see cref="LiveKnowledgeFollower"/> tries again).
    /// </summary>
    public async Task<bool> RefreshDirectoryEntryAsync(string entryId, CancellationToken cancellationToken)
    {
        try
        {
            if (await directory.LatestAsync(entryId, cancellationToken) is { } latest)
            {
                await ApplyDirectoryEntryAsync(latest.Entry, cancellationToken);
                LogEntryApplied(logger, entryId, latest.Version);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEntryRefreshFailed(logger, ex, entryId);
            return false;
        }
    }

    private static TopicCatalog With(TopicCatalog catalog, TopicContent content) =>
        content.Retired ? catalog.WithoutTopic(content.Id) : catalog.WithTopic(TopicContentMapper.ToTopic(content));

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: {Count} edited topics and {Entries} edited directory entries loaded from the store")]
    private static partial void LogLoaded(ILogger logger, int count, int entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: directory entry {EntryId} version {Version} is live")]
    private static partial void LogEntryApplied(ILogger logger, string entryId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge base: could not apply the directory entry {EntryId}; the previous entry stays live")]
    private static partial void LogEntryRefreshFailed(ILogger logger, Exception exception, string entryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge base: could not load the published edits again; the current content stays live")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: topic {TopicId} version {Version} is live")]
    private static partial void LogApplied(ILogger logger, string topicId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge base: could not apply the published topic {TopicId}; the previous content stays live")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string topicId);
}

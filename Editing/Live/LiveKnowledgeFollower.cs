using Microsoft.Extensions.Logging;

namespace IntegrationBot.Editing.Live;

/// <summary>
/// Keeps this instance following the edits published on other instances (PostgreSQL NOTIFY). A refresh that fails, for
/// example on a database timeout under load, is tried again with growing pauses until it applies: given up after one
/// try, this instance would answer with the old phone number or fee until the next publish or a restart. After the
/// notification connection was lost, everything published is loaded again, because what was published meanwhile was
/// never announced here.
/// </summary>
public sealed partial class LiveKnowledgeFollower(LiveKnowledge live, TimeProvider time, ILogger<LiveKnowledgeFollower> logger) : IDisposable
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Applies the published version of a topic; completes once it is live or the host stops.</summary>
    public Task FollowTopicAsync(string topicId) => FollowAsync($"topic {topicId}", ct => live.RefreshAsync(topicId, ct));

    /// <summary>Applies the latest version of a local directory entry; completes once it is live or the host stops.</summary>
    public Task FollowDirectoryEntryAsync(string entryId) => FollowAsync($"directory entry {entryId}", ct => live.RefreshDirectoryEntryAsync(entryId, ct));

    /// <summary>Loads every published edit again; completes once it is done or the host stops.</summary>
    public Task ReloadAllAsync() => FollowAsync("all published edits", live.ReloadAllAsync);

    // Cancelled, not disposed: a notification handled while the host stops still reads the token (a cancelled one ends the
    // follow at once; a disposed source would throw on the listener's thread). A source without a timer holds nothing to free.
    public void Dispose() => _stopping.Cancel();

    // Runs off the caller's thread (the notification listener's, which must stay free).
    private Task FollowAsync(string what, Func<CancellationToken, Task<bool>> refresh)
    {
        var stopping = _stopping.Token;
        return Task.Run(
            async () =>
            {
                var pause = FirstPause;
                var failures = 0;
                try
                {
                    while (!await refresh(stopping))
                    {
                        failures++;
                        LogRetrying(logger, what, failures, pause);
                        await Task.Delay(pause, time, stopping);
                        pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
                    }

                    if (failures > 0)
                    {
                        LogCaughtUp(logger, what, failures);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // The host is stopping: the next start loads every published edit anyway.
                }
            },
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: {What} is not live yet after {Failures} failed tries; trying again in {Pause}")]
    private static partial void LogRetrying(ILogger logger, string what, int failures, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: {What} is live after {Failures} failed tries")]
    private static partial void LogCaughtUp(ILogger logger, string what, int failures);
}

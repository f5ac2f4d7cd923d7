using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Handoff.Canned;

/// <summary>
/// Gives a fresh store the default canned responses, so a counselor on day one has something to pick. Once only: a
/// store remembers it got them, so a set an admin deleted or edited is never brought back by a restart.
/// </summary>
public sealed partial class DefaultCannedResponsesStartup(
    ICannedResponseStore store,
    TimeProvider time,
    ILogger<DefaultCannedResponsesStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var defaults = DefaultCannedResponses.Load(time.GetUtcNow());
        if (await store.AddDefaultsOnceAsync(defaults, cancellationToken))
        {
            LogAdded(logger, defaults.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} default canned responses to a store that never had them.")]
    private static partial void LogAdded(ILogger logger, int count);
}

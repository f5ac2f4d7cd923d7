using Microsoft.Extensions.Hosting;

namespace IntegrationBot.Editing.Live;

/// <summary>Applies the published edits before the host takes traffic, so a restart answers with the edited content.</summary>
public sealed class LiveKnowledgeStartup(LiveKnowledge live) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => live.LoadAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

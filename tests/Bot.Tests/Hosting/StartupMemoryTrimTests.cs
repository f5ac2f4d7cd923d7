using IntegrationBot.Bot.Hosting;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Hosting;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>The knowledge base is built before the host serves, and the memory building it took is collected once the host has started.</summary>
public sealed class StartupMemoryTrimTests
{
    [Fact]
    public async Task A_full_collection_runs_when_the_host_has_started_and_not_before()
    {
        var ct = TestContext.Current.CancellationToken;
        var lifetime = new Lifetime();
        var trim = new StartupMemoryTrim(KnowledgeEngine.LoadDefault(), lifetime);

        await trim.StartAsync(ct);
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
        await lifetime.StartedSource.CancelAsync();

        // A full, blocking, compacting collection (the aggressive kind), not just any gen 2 one of another test.
        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before, "no full blocking collection after the host started");
        Assert.True(after.Compacted, "the collection after start did not compact");
        await trim.StopAsync(ct);
    }

    [Fact]
    public void The_web_host_registers_it()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddIntegrationBot();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupMemoryTrim));
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource StartedSource { get; } = new();

        public CancellationToken ApplicationStarted => StartedSource.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

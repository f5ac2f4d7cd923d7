using IntegrationBot.Bot.Hosting;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>The knowledge base is built before the host serves, and the memory building it took is collected once the host has started.</summary>
public sealed class StartupMemoryTrimTests
{
    [Fact]
    public async Task A_full_collection_runs_when_the_host_has_started_and_not_before()
    {
        var ct = TestContext.Current.CancellationToken;
        var lifetime = new Lifetime();
        var retention = Retention();
        await retention.PurgeAsync(ct);
        var trim = new StartupMemoryTrim(KnowledgeEngine.LoadDefault(), retention, lifetime);

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
    public async Task Another_full_collection_runs_once_the_first_retention_pass_has_ended()
    {
        var ct = TestContext.Current.CancellationToken;
        var lifetime = new Lifetime();
        var retention = Retention();
        var trim = new StartupMemoryTrim(KnowledgeEngine.LoadDefault(), retention, lifetime);
        await trim.StartAsync(ct);
        await lifetime.StartedSource.CancelAsync();
        var afterStart = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        // The pass that reads every stored record at start ends after the host started.
        await retention.PurgeAsync(ct);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (GC.GetGCMemoryInfo(GCKind.FullBlocking).Index <= afterStart)
        {
            Assert.True(DateTime.UtcNow < deadline, "no full blocking collection after the first retention pass");
            await Task.Delay(10, ct);
        }

        await trim.StopAsync(ct);
    }

    [Fact]
    public void The_web_host_registers_it()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddIntegrationBot();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupMemoryTrim));
    }

    private static RetentionService Retention() =>
        new([], [], Options.Create(new HandoffOptions()), TimeProvider.System, NullLogger<RetentionService>.Instance);

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

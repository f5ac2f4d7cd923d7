using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing;
using IntegrationBot.Handoff;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Handoff;
using IntegrationBot.Storage.Postgres.Hosting;
using IntegrationBot.Storage.Postgres.Locking;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Postgres.Privacy;
using IntegrationBot.Storage.Postgres.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>The PostgreSQL provider registers every store, migrates the schema first and validates its settings.</summary>
public sealed class PostgresStorageRegistrationTests
{
    [Fact]
    public async Task An_unreachable_database_stops_the_start_before_a_hosted_service_registered_ahead_of_the_provider_runs()
    {
        var config = Config(new Dictionary<string, string?>
        {
            ["IntegrationBot:Storage:Provider"] = "postgres",
            ["IntegrationBot:Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=u;Password=very-secret;Database=ib;Timeout=3",
        });
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        // Ahead of the provider, as the outbox dispatcher is: it reads state as soon as it starts.
        builder.Services.AddSingleton<StateReaderAtStart>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StateReaderAtStart>());
        builder.Services.AddSingleton<IUserMessenger, SilentMessenger>();
        Services(config, builder.Services).AddPostgresStorage(config);
        using var host = builder.Build();

        // The migration runs first wherever it was registered, so the start fails with the host's storage error
        // naming the setting, not with the reader's connection error.
        var error = await Assert.ThrowsAsync<StorageOpenException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("IntegrationBot:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.False(host.Services.GetRequiredService<StateReaderAtStart>().Started);
    }

    [Fact]
    public void With_provider_postgres_every_store_is_the_postgres_one()
    {
        var config = Config(new Dictionary<string, string?>
        {
            ["IntegrationBot:Storage:Provider"] = "postgres",
            ["IntegrationBot:Storage:ConnectionString"] = "Host=127.0.0.1;Username=u;Password=p;Database=d",
        });
        using var provider = Services(config).AddPostgresStorage(config).BuildServiceProvider();

        Assert.IsType<PostgresStorage>(provider.GetRequiredService<IStorage>());
        Assert.IsType<PostgresTurnStore>(provider.GetRequiredService<ITurnStore>());
        Assert.IsType<PostgresOutboxStore>(provider.GetRequiredService<IOutboxStore>());
        Assert.IsType<PostgresConversationLock>(provider.GetRequiredService<IConversationLock>());
        // Turns take lock, inbound check and state in one round trip and commit in one more (issue 19).
        Assert.IsType<PostgresTurnSessions>(provider.GetRequiredService<ITurnSessions>());
        // The web chat log keeps recent activities in memory in front of the shared log (issue 19), fed by the others' notifications.
        Assert.IsType<TailedDirectLineStore>(provider.GetRequiredService<IDirectLineStore>());
        Assert.NotNull(provider.GetRequiredService<PostgresDirectLineStore>());
        Assert.IsType<PostgresHandoffStore>(provider.GetRequiredService<IHandoffStore>());
        // The runtime's eraser runs before the web chat one, which deletes the conversations the runtime's looks up.
        Assert.Equal(
            ["dialogs", "webchat", "planReminders", "handoffs", "transcripts", "unansweredQuestions"],
            provider.GetServices<IUserDataEraser>().Select(e => e.Name));
        Assert.All(provider.GetServices<IUserDataEraser>(), e => Assert.StartsWith("Postgres", e.GetType().Name, StringComparison.Ordinal));
        Assert.Equal(6, provider.GetServices<IRetentionPurgeable>().Count());
        Assert.IsType<PostgresDirectLineUserData>(Assert.Single(provider.GetServices<IUserConversationDirectory>()));
        Assert.Equal(
            ["DirectLineNotificationHandler", "HandoffNotificationHandler", "KnowledgeNotificationHandler"],
            provider.GetServices<Storage.Postgres.Notifications.IPostgresNotificationHandler>().Select(h => h.GetType().Name).Order());
    }

    [Fact]
    public void A_missing_connection_string_fails_validation_naming_the_setting()
    {
        var config = Config(new Dictionary<string, string?> { ["IntegrationBot:Storage:Provider"] = "postgres" });
        using var provider = Services(config).AddPostgresStorage(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgresStorageOptions>>().Value);

        Assert.Contains("IntegrationBot:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_and_schema_fail_validation()
    {
        var result = new PostgresStorageOptionsValidator().Validate(null, new PostgresStorageOptions
        {
            Provider = "postgres",
            ConnectionString = "Hots=127.0.0.1",
            Schema = "Bad-Name",
        });

        Assert.True(result.Failed);
        Assert.Contains("IntegrationBot:Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("IntegrationBot:Storage:Schema", result.FailureMessage, StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static IServiceCollection Services(IConfiguration config, IServiceCollection? services = null)
    {
        services ??= new ServiceCollection();
        services.AddDialogsRuntime(config);
        services.AddDirectLine(config);
        services.AddHandoff(config);
        services.AddSingleton(_ => Knowledge.Retrieval.KnowledgeEngine.LoadDefault());
        services.AddKnowledgeEditing(config);
        return services;
    }

    /// <summary>A hosted service that reads conversation state in its StartAsync.</summary>
    private sealed class StateReaderAtStart(IStorage storage) : Microsoft.Extensions.Hosting.IHostedService
    {
        public bool Started { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            await storage.ReadAsync(["conversation/x"], cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SilentMessenger : IUserMessenger
    {
        public Task CounselorMessageAsync(HandoffRequest request, string counselorName, string text, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ClaimedAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ClosedAsync(HandoffRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task TimedOutAsync(HandoffRequest request, HandoffTimeoutReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using IntegrationBot.Bot.Hosting;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.LiteDb.Engine;
using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>
/// The web host registers every store contract exactly once, all from the one provider the configuration names:
/// nothing from the other provider is left to be overridden by registration order.
/// </summary>
public sealed class StorageChoiceTests
{
    private static readonly Type[] StoreContracts =
    [
        typeof(IStorage), typeof(ITurnStore), typeof(IOutboxStore), typeof(IConversationLock), typeof(IDirectLineStore),
        typeof(IPlanReminderStore), typeof(IHandoffStore), typeof(ITranscriptStore), typeof(IUnansweredQuestionLog),
        typeof(ICounselorStore), typeof(ICannedResponseStore), typeof(IPlanStatistics), typeof(ITopicStatistics),
        typeof(ITopicContentStore), typeof(IDirectoryEntryStore), typeof(IBacklogDismissals),
    ];

    [Theory]
    [InlineData("litedb", "IntegrationBot.Storage.LiteDb")]
    [InlineData("memory", "IntegrationBot.Storage.LiteDb")]
    [InlineData("postgres", "IntegrationBot.Storage.Postgres")]
    public void Every_store_is_registered_once_by_the_chosen_provider(string provider, string providerAssembly)
    {
        var services = Host(provider).Services;

        foreach (var contract in StoreContracts)
        {
            var registration = Assert.Single(services, d => d.ServiceType == contract);
            if (registration.ImplementationType == typeof(KeyedAsyncLock))
            {
                // The runtime's in-process lock, which the single-process LiteDB provider registers.
                Assert.Equal("IntegrationBot.Storage.LiteDb", providerAssembly);
                continue;
            }

            Assert.Equal(providerAssembly, RegisteredBy(registration));
        }
    }

    [Fact]
    public void With_postgres_the_LiteDB_file_is_not_registered()
    {
        var services = Host("postgres").Services;

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SharedLiteDatabase));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(LiteDB.LiteDatabase));
    }

    [Fact]
    public void With_litedb_nothing_of_postgres_is_registered()
    {
        var services = Host("litedb").Services;

        Assert.DoesNotContain(services, d => RegisteredBy(d) == "IntegrationBot.Storage.Postgres");
    }

    private static Microsoft.AspNetCore.Builder.WebApplicationBuilder Host(string provider)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IntegrationBot:Storage:Provider"] = provider,
            ["IntegrationBot:Storage:ConnectionString"] = "Host=127.0.0.1;Username=u;Password=p;Database=d",
        });
        builder.AddIntegrationBot();
        return builder;
    }

    /// <summary>The assembly whose code made the registration: its implementation type, or the lambda that builds it.</summary>
    private static string? RegisteredBy(Microsoft.Extensions.DependencyInjection.ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType ?? descriptor.ImplementationInstance?.GetType())
        ?.Assembly.GetName().Name;
}

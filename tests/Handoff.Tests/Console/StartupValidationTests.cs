using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IntegrationBot.Storage.LiteDb.Hosting;

using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Handoff.Tests.Console;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("IntegrationBot:Office:Schedule:Mon", "8am to 3pm")]
    [InlineData("IntegrationBot:Office:TimeZone", "Europe/Atlantis")]
    [InlineData("IntegrationBot:Office:Holidays:0", "25.12.2026")]
    [InlineData("IntegrationBot:Handoff:UnclaimedTimeout", "-00:10:00")]
    public async Task Host_refuses_to_start_with_invalid_handoff_configuration(string key, string value)
    {
        using var database = LiteDbDatabaseFactory.OpenInMemory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IUserMessenger>(new RecordingMessenger());
        builder.Services.AddHandoff(builder.Configuration).AddLiteDbHandoffStores();
        await using var app = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
    }
}

using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using IntegrationBot.Storage.LiteDb.Hosting;

using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A minimal real web host with AddHandoff/MapHandoffApi/MapCounselorConsole on 127.0.0.1 and a LiteDB temp file.</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly WebApplication _app;
    private readonly SharedLiteDatabase _database;

    private ConsoleHost(WebApplication app, SharedLiteDatabase database, RecordingMessenger messenger, string directory)
    {
        _app = app;
        _database = database;
        _directory = directory;
        Messenger = messenger;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }
    public RecordingMessenger Messenger { get; }
    public IServiceProvider Services => _app.Services;
    public HandoffQueue Queue => Services.GetRequiredService<HandoffQueue>();

    public static async Task<ConsoleHost> StartAsync(Action<IServiceCollection>? services = null, TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "handoff-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "integrationbot.db");
        var database = new SharedLiteDatabase(new LiteDatabase(file), file);
        var messenger = new RecordingMessenger();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IntegrationBot:Office:TimeZone"] = "Europe/Ljubljana",
            ["IntegrationBot:Office:Schedule:Mon"] = "08:00-15:00",
            ["IntegrationBot:Office:Holidays:0"] = "2026-12-25",
        });
        builder.Services.AddSingleton(database);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<IUserMessenger>(messenger);
        builder.Services.AddHandoff(builder.Configuration).AddLiteDbHandoffStores();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapHandoffApi();
        app.MapCounselorConsole();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ConsoleHost(app, database, messenger, directory);
    }

    public Task AddCounselorAsync(string name, string password, bool admin = false, params string[] languages) =>
        Services.GetRequiredService<CounselorDirectory>().AddAsync(name, languages.Length == 0 ? ["en"] : languages, password, admin, TestContext.Current.CancellationToken);

    /// <summary>A browser-like client that keeps cookies.</summary>
    public ConsoleClient Client() => new(BaseAddress);

    public async Task<ConsoleClient> LoginAsync(string name, string password)
    {
        var client = Client();
        var response = await client.Http.PostAsJsonAsync("/api/auth/login", new { name, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

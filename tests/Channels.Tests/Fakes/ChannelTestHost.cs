using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using IntegrationBot.Storage.LiteDb.Hosting;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>The real ASP.NET Core pipeline with <c>AddChannels</c>/<c>MapChannels</c>, on an in-memory test server.</summary>
public sealed class ChannelTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChannelTestHost(WebApplication app, RecordingInboundHandler inbound)
    {
        _app = app;
        Inbound = inbound;
        Client = app.GetTestClient();
    }

    public RecordingInboundHandler Inbound { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Channels only; a recording handler stands in for the bot runtime.</summary>
    public static Task<ChannelTestHost> StartAsync(
        IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null) =>
        StartAsync(settings, configure, withRuntime: false);

    /// <summary>Channels on the real turn runtime (LiteDB in <paramref name="dataPath"/>, outbox dispatcher) with <paramref name="bot"/>.</summary>
    public static Task<ChannelTestHost> StartWithBotAsync(IDictionary<string, string?> settings, IBot bot, string dataPath) =>
        StartAsync(WithStorage(settings, dataPath), s => s.AddSingleton(bot), withRuntime: true, new RecordingInboundHandler());

    /// <summary>Channels on the real turn runtime (LiteDB in <paramref name="dataPath"/>) whose bot is <see cref="Inbound"/>:
    /// a repeated update reaches it only past the runtime's durable inbound check, as in production.</summary>
    public static Task<ChannelTestHost> StartOnRuntimeAsync(IDictionary<string, string?> settings, string dataPath)
    {
        var recording = new RecordingInboundHandler();
        return StartAsync(WithStorage(settings, dataPath), s => s.AddSingleton<IBot>(recording), withRuntime: true, recording);
    }

    private static IDictionary<string, string?> WithStorage(IDictionary<string, string?> settings, string dataPath)
    {
        settings["IntegrationBot:Storage:Path"] = dataPath;
        settings["IntegrationBot:Outbox:BaseDelay"] = "00:00:00.050";
        return settings;
    }

    private static async Task<ChannelTestHost> StartAsync(
        IDictionary<string, string?> settings, Action<IServiceCollection>? configure, bool withRuntime, RecordingInboundHandler? recording = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var inbound = recording ?? new RecordingInboundHandler();
        if (withRuntime)
        {
            builder.Services.AddDialogsRuntime(builder.Configuration).AddLiteDbStorage();
        }
        else
        {
            // Registered before AddChannels, so it stands in for the channel adapters (which register with TryAdd).
            builder.Services.AddKeyedSingleton<IInboundActivityHandler>("telegram", inbound);
            builder.Services.AddKeyedSingleton<IInboundActivityHandler>("viber", inbound);
            builder.Services.AddKeyedSingleton<IWelcomeActivitySource>("viber", inbound);
        }
        builder.Services.AddChannels(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapChannels();
        await app.StartAsync();
        return new ChannelTestHost(app, inbound);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Support;

/// <summary>The real host in process (ASP.NET pipeline, LiteDB in a temp folder) with a small Direct Line client.</summary>
public sealed class ChatHost : IAsyncDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly WebApplicationFactory<Program> _factory;
    private bool _stopped;

    public ChatHost(IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string>
        {
            ["IntegrationBot:Storage:Path"] = _directory.Path,
            ["IntegrationBot:Channels:WebChat:MaxConversationsPerIpPerHour"] = "100000",
            ["IntegrationBot:Channels:WebChat:TokensPerIpPerMinute"] = "100000",
            ["IntegrationBot:Limits:DirectLineRequestsPerIpPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in all)
            {
                b.UseSetting(key, value);
            }

            if (services is not null)
            {
                b.ConfigureTestServices(services);
            }

            if (logs is not null)
            {
                b.UseSetting("Logging:LogLevel:Default", "Trace");
                b.UseSetting("Logging:LogLevel:Microsoft", "Trace");
                b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
                b.ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            }
        });
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public TestServer Server => _factory.Server;

    public string DataPath => _directory.Path;

    public string DatabaseFile => _directory.DatabaseFile;

    public async Task<WebChat> OpenChatAsync(CancellationToken ct)
    {
        var issued = await Client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null, ct);
        issued.EnsureSuccessStatusCode();
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(ct);
        var chat = new WebChat(body.GetProperty("conversationId").GetString()!, body.GetProperty("userId").GetString()!, body.GetProperty("token").GetString()!);
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", chat.Token);
        (await Client.SendAsync(start, ct)).EnsureSuccessStatusCode();
        return chat;
    }

    public async Task<HttpResponseMessage> SendAsync(WebChat chat, string text, CancellationToken ct, string? clientActivityId = null)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        request.Content = JsonContent.Create(new
        {
            type = "message",
            text,
            from = new { id = chat.UserId },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        return await Client.SendAsync(request, ct);
    }

    public async Task<IReadOnlyList<JsonElement>> ActivitiesAsync(WebChat chat, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        var response = await Client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    /// <summary>Polls until a bot activity answers <paramref name="messageId"/>; the outbox delivers asynchronously.</summary>
    public async Task<JsonElement> ReplyToAsync(WebChat chat, string messageId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var reply = (await ActivitiesAsync(chat, ct)).FirstOrDefault(a =>
                a.TryGetProperty("replyToId", out var r) && r.GetString() == messageId);
            if (reply.ValueKind == JsonValueKind.Object)
            {
                return reply;
            }

            await Task.Delay(20, ct);
        }

        throw new TimeoutException($"no reply to {messageId} within 20 s");
    }

    public static async Task<string> IdOfAsync(HttpResponseMessage posted, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Issues tokens with this host's keys as if the clock read <paramref name="now"/> (lifetime 60 s), e.g. an
    /// expired token that is otherwise genuine.</summary>
    public DirectLineTokenService TokensAt(DateTimeOffset now) => new(
        Get<IDataProtectionProvider>(),
        Options.Create(new DirectLineOptions { TokenLifetimeSeconds = 60 }),
        new FakeTimeProvider(now));

    /// <summary>Stops the host and closes its database; the data folder stays until dispose.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            // A PostgreSQL host has no LiteDB file.
            var db = Services.GetService<IntegrationBot.Storage.LiteDb.Engine.SharedLiteDatabase>();
            Client.Dispose();
            await _factory.DisposeAsync();

            // The factory's disposal of singletons was seen to lag under parallel test load; a test that reopens the
            // file needs it closed now. Disposing twice is harmless.
            db?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }
}

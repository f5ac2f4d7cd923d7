using System.Net;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Hosting;

public sealed class ShutdownGateTests
{
    [Fact]
    public async Task Once_shutdown_begins_chat_endpoints_answer_503_with_retry_after_and_health_still_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        await host.Get<ShutdownGate>().CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
        var message = await host.SendAsync(chat, "hello", ct);
        var token = await host.Client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null, ct);
        var webhook = await host.Client.PostAsync(new Uri("/api/telegram", UriKind.Relative), null, ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
        Assert.NotNull(message.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health", UriKind.Relative), ct)).StatusCode);
    }

    [Fact]
    public async Task Closing_waits_for_requests_already_admitted()
    {
        var gate = new ShutdownGate();
        Assert.True(gate.TryEnter());

        var closed = gate.CloseAsync();

        Assert.False(closed.IsCompleted);
        Assert.False(gate.TryEnter());
        gate.Leave();
        await closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Host_shutdown_delivers_replies_still_in_the_outbox_when_it_began()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(services: services =>
        {
            services.RemoveAll<IChannelSender>();
            services.AddSingleton<DirectLineSender>();
            services.AddSingleton<IChannelSender>(sp => new HeldSender(sp.GetRequiredService<DirectLineSender>(), sp.GetRequiredService<ShutdownGate>()));
        });
        var chat = await host.OpenChatAsync(ct);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ChatHost.IdOfAsync(await host.SendAsync(chat, "message " + i, ct), ct));
        }

        Assert.True(host.Get<SharedLiteDatabase>().ReadBlocking(db => db.GetCollection("outbox").Count()) >= 5);
        await host.StopAsync();

        using var db = LiteDbDatabaseFactory.Open(new StorageOptions { Path = host.DataPath });
        Assert.Equal(0, db.Database.GetCollection("outbox").Count());
        var log = db.Database.GetCollection("directline_activities").FindAll().Select(d => d["Json"].AsString).ToList();
        Assert.All(ids, id => Assert.Contains(log, json => json.Contains($"\"replyToId\":\"{id}\"", StringComparison.Ordinal)));
    }
}

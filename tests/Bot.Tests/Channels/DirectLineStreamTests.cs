using System.Net.WebSockets;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using Microsoft.Extensions.DependencyInjection;
using IntegrationBot.Storage.LiteDb.DirectLine;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>The Direct Line WebSocket stream over the real host: new activities come from memory, old ones from the store.</summary>
public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private CountingDirectLineStore? _store;
    private ChatHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new ChatHost(services: services => services.AddSingleton<IDirectLineStore>(sp => new TailedDirectLineStore(
            _store = new CountingDirectLineStore(sp.GetRequiredService<LiteDbDirectLineStore>()),
            sp.GetRequiredService<RecentActivities>())));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_reply_sent_while_the_stream_is_open_arrives_without_reading_the_store()
    {
        var ct = TestContext.Current.CancellationToken;
        var chat = await _host.OpenChatAsync(ct);
        using var socket = await ConnectAsync(chat, null, ct);
        var stream = new StreamReader(socket);
        await stream.UntilAsync(a => a.Role == RoleTypes.Bot, ct);

        var posted = await ChatHost.IdOfAsync(await _host.SendAsync(chat, "hello", ct), ct);
        var reply = await stream.UntilAsync(a => a.ReplyToId == posted, ct);

        Assert.Equal(RoleTypes.Bot, reply.Role);
        Assert.Contains(stream.Seen, a => a.Id == posted);
        Assert.Equal(0, _store!.Reads);
    }

    [Fact]
    public async Task A_stream_resumed_from_before_the_kept_activities_gets_every_activity_once_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var chat = await _host.OpenChatAsync(ct);
        var log = _host.Get<IDirectLineStore>();
        var last = 0L;
        for (var i = 0; i < RecentActivities.PerConversation + 8; i++)
        {
            last = (await log.AppendAsync(chat.ConversationId, Note(chat, i), null, ct))!.Watermark;
        }

        using var socket = await ConnectAsync(chat, 2, ct);
        var stream = new StreamReader(socket);
        await stream.UntilAsync(a => a.Seq == last, ct);

        // The welcome's replies may be delivered between the notes; either way every activity after 2 comes once, in order.
        Assert.Equal(Enumerable.Range(3, stream.Seen.Count).Select(s => (long)s), stream.Seen.Select(a => a.Seq));
        var readsAfterResume = _store!.Reads;
        Assert.True(readsAfterResume > 0, "a resume from before the kept activities reads the store");

        var next = (await log.AppendAsync(chat.ConversationId, Note(chat, 99), null, ct))!.Watermark;
        // As every appender of the channel does (the inbox, the sender): without it only the 15 s keep-alive wakes the
        // stream. Before issue 19's third part the welcome's late delivery happened to wake it; it is now announced first.
        _host.Get<ConversationSignals>().Appended(chat.ConversationId);
        await stream.UntilAsync(a => a.Seq == next, ct);
        Assert.Equal(readsAfterResume, _store.Reads);
    }

    [Fact]
    public async Task Polling_after_an_erasure_finds_no_conversation()
    {
        var ct = TestContext.Current.CancellationToken;
        var chat = await _host.OpenChatAsync(ct);
        using (var before = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.Client.SendAsync(before, ct)).StatusCode);
        }

        Assert.True(_host.Get<RecentActivities>().Knows(chat.ConversationId));

        await _host.Get<IDirectLineStore>().DeleteConversationAsync(chat.ConversationId, ct);

        Assert.False(_host.Get<RecentActivities>().Knows(chat.ConversationId));
        using var request = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        using var response = await _host.Client.SendAsync(request, ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Clearing_a_conversation_forgets_its_tail_and_keeps_the_conversation()
    {
        var ct = TestContext.Current.CancellationToken;
        var chat = await _host.OpenChatAsync(ct);
        var log = _host.Get<IDirectLineStore>();
        await log.AppendAsync(chat.ConversationId, Note(chat, 1), null, ct);
        Assert.True(_host.Get<RecentActivities>().Knows(chat.ConversationId));

        await log.ClearActivitiesAsync(chat.ConversationId, ct);

        Assert.False(_host.Get<RecentActivities>().Knows(chat.ConversationId));
        Assert.True(await log.ConversationExistsAsync(chat.ConversationId, ct));
        Assert.DoesNotContain(await _host.ActivitiesAsync(chat, ct), a => a.TryGetProperty("text", out var text) && text.GetString() == "note 1");
    }

    private static Activity Note(WebChat chat, int i) => new()
    {
        Type = ActivityTypes.Message,
        Text = "note " + i,
        From = new ChannelAccount("integrationbot", "IntegrationBot", RoleTypes.Bot),
        Conversation = new ConversationAccount(chat.ConversationId),
    };

    private async Task<WebSocket> ConnectAsync(WebChat chat, long? watermark, CancellationToken ct)
    {
        var client = _host.Server.CreateWebSocketClient();
        var url = $"ws://localhost/v3/directline/conversations/{chat.ConversationId}/stream?t={Uri.EscapeDataString(chat.Token)}"
            + (watermark is { } w ? "&watermark=" + w : "");
        return await client.ConnectAsync(new Uri(url), ct);
    }

    private sealed record Seen(string Id, long Seq, string? Role, string? ReplyToId);

    /// <summary>Reads activity sets until one activity matches, with a deadline; remembers every activity seen.</summary>
    private sealed class StreamReader(WebSocket socket)
    {
        public List<Seen> Seen { get; } = [];

        public async Task<Seen> UntilAsync(Func<Seen, bool> wanted, CancellationToken ct)
        {
            if (Seen.FirstOrDefault(wanted) is { } already)
            {
                return already;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(20));
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult frame;
                do
                {
                    frame = await socket.ReceiveAsync(buffer, deadline.Token);
                    message.Write(buffer, 0, frame.Count);
                }
                while (!frame.EndOfMessage);

                Assert.NotEqual(WebSocketMessageType.Close, frame.MessageType);
                if (message.Length == 0)
                {
                    continue;
                }

                using var set = JsonDocument.Parse(message.ToArray());
                foreach (var a in set.RootElement.GetProperty("activities").EnumerateArray())
                {
                    var id = a.GetProperty("id").GetString()!;
                    Seen.Add(new Seen(
                        id,
                        long.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture),
                        a.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null,
                        a.TryGetProperty("replyToId", out var r) ? r.GetString() : null));
                }

                if (Seen.FirstOrDefault(wanted) is { } found)
                {
                    return found;
                }
            }
        }
    }
}

using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class RoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Counselor C(string name, params string[] languages) => new() { Name = name, Languages = languages, PasswordHash = "" };

    [Fact]
    public async Task Counselor_sees_own_languages_first_then_priority_then_age()
    {
        using var world = new HandoffWorld();
        await world.EnqueueAsync("ar-emergency", "ar", HandoffReason.Emergency);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.EnqueueAsync("sl-normal", "sl");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.EnqueueAsync("en-sensitive", "en", HandoffReason.Sensitive);
        var maja = C("Maja", "sl", "en");

        var routed = QueueRouter.ForCounselor(await world.Queue.ListAsync(HandoffStatus.Waiting, Ct), maja, [maja], includeOthers: false);

        Assert.Equal(["en-sensitive", "sl-normal", "ar-emergency"], routed.Select(r => r.Request.Address.ConversationId));
        Assert.Equal("ar", routed[2].NeedsLanguage);
        Assert.False(routed[2].CanServe);
        Assert.Null(routed[0].NeedsLanguage);
    }

    [Fact]
    public async Task Request_another_online_counselor_can_serve_is_left_to_them_unless_all_is_asked()
    {
        using var world = new HandoffWorld();
        await world.EnqueueAsync("ar-1", "ar");
        var maja = C("Maja", "sl", "en");
        var amira = C("Amira", "ar");
        var waiting = await world.Queue.ListAsync(HandoffStatus.Waiting, Ct);

        Assert.Empty(QueueRouter.ForCounselor(waiting, maja, [maja, amira], includeOthers: false));
        var all = Assert.Single(QueueRouter.ForCounselor(waiting, maja, [maja, amira], includeOthers: true));
        Assert.Null(all.NeedsLanguage);
        Assert.Equal("ar", Assert.Single(QueueRouter.ForCounselor(waiting, amira, [maja, amira], false)).Request.Language);
    }

    [Fact]
    public async Task Transfer_to_another_language_routes_by_the_requested_language()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("t", "en");
        await world.Directory.AddAsync("Maja", ["en"], "password-1", false, Ct);
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        var moved = await world.Queue.TransferToLanguageAsync(ticket.RequestId, "Maja", "ar", Ct);

        Assert.True(moved.Succeeded);
        Assert.Equal(HandoffStatus.Waiting, moved.Request!.Status);
        var maja = C("Maja", "en");
        var routed = Assert.Single(QueueRouter.ForCounselor([moved.Request], maja, [maja], false));
        Assert.Equal("ar", routed.NeedsLanguage);
        Assert.Equal("t transferred to the queue at 1", world.Messenger.Sent.Last());
    }

    [Fact]
    public void Presence_counts_an_open_stream_and_recent_activity_only()
    {
        var clock = new FakeTimeProvider(HandoffWorld.Monday10Local);
        var presence = new CounselorPresence(Microsoft.Extensions.Options.Options.Create(new HandoffOptions { OnlineWindow = TimeSpan.FromMinutes(5) }), clock);
        presence.Seen("Maja");
        var stream = presence.TryStreamOpened("Amira", max: 1)!;
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.False(presence.IsOnline("Maja"));
        Assert.True(presence.IsOnline("Amira"));
        stream.Dispose();
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(presence.IsOnline("Amira"));
        Assert.False(presence.IsOnline("Nobody"));
    }

    /// <summary>Seen in the console: right after Ana logged out she stayed "online" for the whole window (her console's
    /// stream, ended by the logout, marked her as just seen), so a colleague transferred a live emergency to her without
    /// the "offline" warning, and a request in her language was left to her.</summary>
    [Fact]
    public void A_counselor_who_logs_out_is_offline_at_once_although_the_logout_ends_their_stream()
    {
        var clock = new FakeTimeProvider(HandoffWorld.Monday10Local);
        var presence = new CounselorPresence(Microsoft.Extensions.Options.Options.Create(new HandoffOptions { OnlineWindow = TimeSpan.FromMinutes(5) }), clock);
        var stream = presence.TryStreamOpened("Ana", max: 2)!;
        presence.Seen("Ana");

        presence.LoggedOut("Ana");
        stream.Dispose();

        Assert.False(presence.IsOnline("Ana"));

        // Logged in again: a stream opened after the logout counts as before.
        var again = presence.TryStreamOpened("Ana", max: 2)!;
        again.Dispose();
        Assert.True(presence.IsOnline("Ana"));
    }
}

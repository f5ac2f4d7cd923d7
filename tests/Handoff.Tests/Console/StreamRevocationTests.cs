using System.Net;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Issue 13.1: a console event stream already open when the account's sessions are revoked ends at once.</summary>
/// <remarks>The host's clock is a <see cref="FakeTimeProvider"/> that never moves here, so the stream's 15-second
/// heartbeat cannot be what ends it.</remarks>
public sealed class StreamRevocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Revocations => ["logout in another browser", "new password", "deactivation"];

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task An_open_event_stream_ends_when_the_accounts_sessions_are_revoked(string revocation)
    {
        await using var host = await ConsoleHost.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var root = await host.LoginAsync("Root", "root-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        using var stream = await OpenStreamAsync(maja);

        using var otherBrowser = await host.LoginAsync("Maja", "maja-password");
        var revoked = revocation switch
        {
            "logout in another browser" => await otherBrowser.PostAsync("/api/auth/logout"),
            "new password" => await root.PostAsync("/api/admin/counselors", new { name = "Maja", languages = new[] { "en" }, password = "new-password" }),
            _ => await root.PostAsync("/api/admin/counselors/Maja/deactivate"),
        };
        Assert.True(revoked.IsSuccessStatusCode, revoked.StatusCode.ToString());

        await EndOfStreamAsync(stream);
        Assert.Equal(HttpStatusCode.Unauthorized, (await maja.GetAsync("/api/handoffs/stream")).StatusCode);
    }

    [Fact]
    public async Task A_stream_whose_account_changed_elsewhere_ends_at_its_next_heartbeat()
    {
        // Another instance (or the command line) gave the account a new stamp: no signal reaches this process.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ConsoleHost.StartAsync(time: clock);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        using var stream = await OpenStreamAsync(maja);
        var store = host.Services.GetRequiredService<ICounselorStore>();
        var account = (await store.FindAsync("Maja", Ct))!;

        await store.SaveAsync(account with { SecurityStamp = "changed-elsewhere" }, Ct);
        await using (Ticking(clock))
        {
            await EndOfStreamAsync(stream);
        }
    }

    [Fact]
    public async Task A_stream_of_a_valid_session_stays_open_across_heartbeats()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ConsoleHost.StartAsync(time: clock);
        await host.AddCounselorAsync("Maja", "maja-password");
        await host.AddCounselorAsync("Ana", "ana-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        using var stream = await OpenStreamAsync(maja);

        // Another account's logout revokes nothing of Maja's.
        using var ana = await host.LoginAsync("Ana", "ana-password");
        Assert.Equal(HttpStatusCode.NoContent, (await ana.PostAsync("/api/auth/logout")).StatusCode);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await using (Ticking(clock))
        {
            for (var pings = 0; pings < 2;)
            {
                var line = await stream.ReadLineAsync(timeout.Token);
                Assert.NotNull(line); // the stream is still open
                pings += line.StartsWith(": ping", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await maja.GetAsync("/api/auth/me")).StatusCode);
    }

    /// <summary>Moves the host's clock on by a heartbeat period again and again until disposed, so the stream's next
    /// heartbeat comes whenever it set its timer.</summary>
    private static Ticker Ticking(FakeTimeProvider clock) => new(clock);

    private sealed class Ticker : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Ticker(FakeTimeProvider clock) => _run = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromSeconds(16));
                await Task.Delay(50, CancellationToken.None);
            }
        });

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
        }
    }

    private static async Task<StreamReader> OpenStreamAsync(ConsoleClient client)
    {
        var response = await client.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line != "event: ready")
        {
        }

        return reader;
    }

    /// <summary>Reads until the server ends the response; fails if it is still open after a minute.</summary>
    private static async Task EndOfStreamAsync(StreamReader stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await stream.ReadLineAsync(timeout.Token) is not null)
            {
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail("the event stream was still open a minute after the revocation");
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Console login: no global lock around the slow hash, a per-address budget, no answer that tells which names
/// exist, and an admin who can lift a lockout.</summary>
public sealed class LoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_login_held_up_in_the_store_does_not_hold_up_another_counselors_login()
    {
        var store = new HeldStore();
        var directory = new CounselorDirectory(store, Options.Create(new HandoffOptions()), TimeProvider.System);
        await directory.AddAsync("Maja", ["sl"], "maja-password", false, Ct);
        store.HoldFinds("attacker-made-up-name");

        var held = directory.LoginAsync("attacker-made-up-name", "whatever", Ct);
        await store.Held.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var maja = await directory.LoginAsync("Maja", "maja-password", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(LoginStatus.Succeeded, maja.Status);
        store.Release();
        Assert.Equal(LoginStatus.InvalidCredentials, (await held).Status);
    }

    [Fact]
    public async Task A_locked_account_answers_exactly_like_an_unknown_name()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var client = host.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/api/auth/login", new { name = "Maja", password = "guess" + i }, xsrf: null);
        }

        var locked = await client.PostAsync("/api/auth/login", new { name = "Maja", password = "maja-password" }, xsrf: null);
        var unknown = await client.PostAsync("/api/auth/login", new { name = "Nobody", password = "maja-password" }, xsrf: null);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await locked.Content.ReadAsStringAsync(Ct));
        Assert.Null(locked.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_counselor()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var root = await host.LoginAsync("Root", "root-password");
        using var client = host.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/api/auth/login", new { name = "Maja", password = "guess" + i }, xsrf: null);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsync("/api/admin/counselors/Maja/unlock")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/auth/login", new { name = "Maja", password = "maja-password" }, xsrf: null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await root.PostAsync("/api/admin/counselors/Nobody/unlock")).StatusCode);
    }

    [Fact]
    public async Task Logins_from_one_address_are_limited_whatever_the_names()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await client.PostAsync("/api/auth/login", new { name = "guess-" + i, password = "password" + i }, xsrf: null)).StatusCode);
        }

        var real = await client.Http.PostAsJsonAsync("/api/auth/login", new { name = "Maja", password = "maja-password" }, Ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, real.StatusCode);
        Assert.NotNull(real.Headers.RetryAfter);
    }

    /// <summary>An in-memory store whose look-ups of one name wait until released.</summary>
    private sealed class HeldStore : ICounselorStore
    {
        private readonly ConcurrentDictionary<string, Counselor> _all = new(StringComparer.OrdinalIgnoreCase);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _heldName;

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void HoldFinds(string name) => _heldName = name;

        public void Release() => _release.TrySetResult();

        public async Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken)
        {
            if (string.Equals(name, _heldName, StringComparison.OrdinalIgnoreCase))
            {
                Held.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }

            return _all.GetValueOrDefault(name.Trim());
        }

        public Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Counselor>>([.. _all.Values]);

        public Task SaveAsync(Counselor counselor, CancellationToken cancellationToken)
        {
            _all[counselor.Name.Trim()] = counselor;
            return Task.CompletedTask;
        }
    }
}

using System.Security.Cryptography;
using IntegrationBot.Handoff.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Counselors;

/// <summary>Creates counselor accounts and checks logins (salted slow hashes, lockout after repeated failures).</summary>
public sealed class CounselorDirectory(ICounselorStore store, IOptions<HandoffOptions> options, TimeProvider time, SessionRevocations? revocations = null)
{
    public static readonly IReadOnlySet<string> KnownLanguages = new HashSet<string>(["sl", "en", "sq", "hbs", "ar"], StringComparer.Ordinal);
    private static readonly PasswordHasher<Counselor> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(new Counselor { Name = "-", Languages = [], PasswordHash = "" }, Guid.NewGuid().ToString());
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Adds a counselor, or replaces the languages/password/admin flag of an existing one (and reactivates it);
    /// the editor role is set when <paramref name="isEditor"/> says so and kept otherwise. Demoting the last active
    /// admin throws <see cref="LastAdminException"/>.</summary>
    public async Task<Counselor> AddAsync(string name, IEnumerable<string> languages, string? password, bool isAdmin, CancellationToken cancellationToken, bool? isEditor = null)
    {
        var trimmed = name.Trim();
        // A JSON body may hold nulls where the type says none: such an entry is no language (400 below), not a crash.
        var named = languages.Select(l => (string?)l).ToList();
        var list = named.OfType<string>().Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (trimmed.Length is 0 or > 64 || trimmed.Any(char.IsControl))
        {
            throw new ArgumentException("Counselor name must be 1–64 printable characters.", nameof(name));
        }

        if (list.Count == 0 || named.Contains(null) || list.Any(l => !KnownLanguages.Contains(l)))
        {
            throw new ArgumentException("Languages must be some of sl, en, sq, hbs, ar.", nameof(languages));
        }

        if (password is { Length: < 8 })
        {
            throw new ArgumentException("Password must have at least 8 characters.", nameof(password));
        }

        // A new stamp: replacing an account (new password, demotion) ends the sessions opened with the old one.
        var counselor = new Counselor { Name = trimmed, Languages = list, PasswordHash = "", IsAdmin = isAdmin, CreatedAt = time.GetUtcNow(), SecurityStamp = NewStamp() };
        if (password is not null)
        {
            counselor = counselor with { PasswordHash = Hasher.HashPassword(counselor, password) };
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await store.FindAsync(trimmed, cancellationToken);
            // Without a password an account keeps its own: an admin who changes a colleague's role or languages need not
            // choose a new password for them. A new account needs one.
            if (password is null)
            {
                counselor = counselor with
                {
                    PasswordHash = existing?.PasswordHash ?? throw new ArgumentException("A new account needs a password of at least 8 characters.", nameof(password)),
                };
            }

            if (!isAdmin)
            {
                await EnsureAnotherAdminAsync(existing, cancellationToken);
            }

            // The editor role is kept unless the caller says otherwise: a new password is not a demotion. The name stays
            // as first written ("ana" typed to save "Ana" again is the same account, not a rename).
            counselor = counselor with { Name = existing?.Name ?? trimmed, IsEditor = isEditor ?? existing?.IsEditor ?? false };
            await store.SaveAsync(counselor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        revocations?.Revoke(counselor.Name);
        return counselor;
    }

    public Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken) => store.FindAsync(name, cancellationToken);

    public Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>True while the account exists, is active and still has the stamp the session was signed in with.</summary>
    public async Task<bool> IsSessionValidAsync(string name, string stamp, CancellationToken cancellationToken) =>
        await store.FindAsync(name, cancellationToken) is { Deactivated: false } counselor
        && counselor.SecurityStamp.Length > 0
        && string.Equals(counselor.SecurityStamp, stamp, StringComparison.Ordinal);

    /// <summary>Ends every open session of the account (logout ends them all, not only the one cookie).</summary>
    public Task<bool> EndSessionsAsync(string name, CancellationToken cancellationToken) =>
        UpdateAsync(name, c => c with { SecurityStamp = NewStamp() }, cancellationToken, endsSessions: true);

    /// <summary>Deactivates the account: no login, and its open sessions end. Adding it again reactivates it.
    /// Deactivating the last active admin throws <see cref="LastAdminException"/>.</summary>
    public Task<bool> DeactivateAsync(string name, CancellationToken cancellationToken) =>
        UpdateAsync(name, c => c with { Deactivated = true, SecurityStamp = NewStamp() }, cancellationToken, endsSessions: true, removesAdmin: true);

    /// <summary>Checks a login. The slow hash runs outside any shared lock, so many attempts (real or made up) run in
    /// parallel; only the short read-update of the account's counters is serialized.</summary>
    public async Task<LoginResult> LoginAsync(string name, string password, CancellationToken cancellationToken)
    {
        var counselor = await store.FindAsync(name, cancellationToken);
        if (counselor is null or { Deactivated: true })
        {
            // Hash anyway so response time does not reveal which names exist.
            Hasher.VerifyHashedPassword(new Counselor { Name = name, Languages = [], PasswordHash = "" }, DummyHash, password);
            return new LoginResult(LoginStatus.InvalidCredentials, null);
        }

        var verified = Hasher.VerifyHashedPassword(counselor, counselor.PasswordHash, password) != PasswordVerificationResult.Failed;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var current = await store.FindAsync(name, cancellationToken);
            if (current is null or { Deactivated: true } || current.PasswordHash != counselor.PasswordHash)
            {
                // Removed, deactivated or given a new password while the hash ran.
                return new LoginResult(LoginStatus.InvalidCredentials, null);
            }

            if (current.LockedUntil is { } until && until > now)
            {
                return new LoginResult(LoginStatus.LockedOut, null, until);
            }

            if (!verified)
            {
                var failures = current.FailedLogins + 1;
                var locked = failures >= options.Value.MaxFailedLogins;
                var updated = current with
                {
                    FailedLogins = locked ? 0 : failures,
                    LockedUntil = locked ? now + options.Value.LockoutDuration : null,
                };
                await store.SaveAsync(updated, cancellationToken);
                return locked ? new LoginResult(LoginStatus.LockedOut, null, updated.LockedUntil) : new LoginResult(LoginStatus.InvalidCredentials, null);
            }

            var loggedIn = current with
            {
                FailedLogins = 0,
                LockedUntil = null,
                LastLoginAt = now,
                SecurityStamp = current.SecurityStamp.Length > 0 ? current.SecurityStamp : NewStamp(), // accounts made before stamps existed
            };
            await store.SaveAsync(loggedIn, cancellationToken);
            return new LoginResult(LoginStatus.Succeeded, loggedIn);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Lifts a lockout (an admin's action for a counselor locked out by someone guessing).</summary>
    public Task<bool> UnlockAsync(string name, CancellationToken cancellationToken) =>
        UpdateAsync(name, c => c with { FailedLogins = 0, LockedUntil = null }, cancellationToken);

    /// <summary>Throws when <paramref name="leaving"/> is the only active admin (called under the gate, so two admins
    /// cannot each remove the other at once).</summary>
    private async Task EnsureAnotherAdminAsync(Counselor? leaving, CancellationToken cancellationToken)
    {
        if (leaving is not { IsAdmin: true, Deactivated: false })
        {
            return;
        }

        var accounts = await store.ListAsync(cancellationToken);
        if (!accounts.Any(c => c is { IsAdmin: true, Deactivated: false } && !string.Equals(c.Name, leaving.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new LastAdminException();
        }
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private async Task<bool> UpdateAsync(string name, Func<Counselor, Counselor> change, CancellationToken cancellationToken, bool endsSessions = false, bool removesAdmin = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.FindAsync(name, cancellationToken) is not { } counselor)
            {
                return false;
            }

            if (removesAdmin)
            {
                await EnsureAnotherAdminAsync(counselor, cancellationToken);
            }

            await store.SaveAsync(change(counselor), cancellationToken);
            if (endsSessions)
            {
                revocations?.Revoke(counselor.Name);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

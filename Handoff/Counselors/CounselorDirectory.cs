using IntegrationBot.Handoff.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Counselors;

/// <summary>Creates counselor accounts and checks logins (salted slow hashes, lockout after repeated failures).</summary>
public sealed class CounselorDirectory(ICounselorStore store, IOptions<HandoffOptions> options, TimeProvider time)
{
    public static readonly IReadOnlySet<string> KnownLanguages = new HashSet<string>(["sl", "en", "sq", "hbs", "ar"], StringComparer.Ordinal);
    private static readonly PasswordHasher<Counselor> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(new Counselor { Name = "-", Languages = [], PasswordHash = "" }, Guid.NewGuid().ToString());
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Adds a counselor, or replaces the languages/password/admin flag of an existing one.</summary>
    public async Task<Counselor> AddAsync(string name, IEnumerable<string> languages, string password, bool isAdmin, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var list = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (trimmed.Length is 0 or > 64 || trimmed.Any(char.IsControl))
        {
            throw new ArgumentException("Counselor name must be 1–64 printable characters.", nameof(name));
        }

        if (list.Count == 0 || list.Any(l => !KnownLanguages.Contains(l)))
        {
            throw new ArgumentException("Languages must be some of sl, en, sq, hbs, ar.", nameof(languages));
        }

        if (password.Length < 8)
        {
            throw new ArgumentException("Password must have at least 8 characters.", nameof(password));
        }

        var counselor = new Counselor { Name = trimmed, Languages = list, PasswordHash = "", IsAdmin = isAdmin, CreatedAt = time.GetUtcNow() };
        counselor = counselor with { PasswordHash = Hasher.HashPassword(counselor, password) };
        await store.SaveAsync(counselor, cancellationToken);
        return counselor;
    }

    /// <summary>Gives <paramref name="counselor"/> the editor role (knowledge-base editing in their languages).</summary>
    public async Task<Counselor> MakeEditorAsync(Counselor counselor, CancellationToken cancellationToken)
    {
        var editor = counselor with { IsEditor = true };
        await store.SaveAsync(editor, cancellationToken);
        return editor;
    }

    public Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken) => store.FindAsync(name, cancellationToken);

    public Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<LoginResult> LoginAsync(string name, string password, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var counselor = await store.FindAsync(name, cancellationToken);
            if (counselor is null)
            {
                // Hash anyway so response time does not reveal which names exist.
                Hasher.VerifyHashedPassword(new Counselor { Name = name, Languages = [], PasswordHash = "" }, DummyHash, password);
                return new LoginResult(LoginStatus.InvalidCredentials, null);
            }

            if (counselor.LockedUntil is { } until && until > now)
            {
                return new LoginResult(LoginStatus.LockedOut, null, until);
            }

            if (Hasher.VerifyHashedPassword(counselor, counselor.PasswordHash, password) == PasswordVerificationResult.Failed)
            {
                var failures = counselor.FailedLogins + 1;
                var locked = failures >= options.Value.MaxFailedLogins;
                var updated = counselor with
                {
                    FailedLogins = locked ? 0 : failures,
                    LockedUntil = locked ? now + options.Value.LockoutDuration : null,
                };
                await store.SaveAsync(updated, cancellationToken);
                return locked ? new LoginResult(LoginStatus.LockedOut, null, updated.LockedUntil) : new LoginResult(LoginStatus.InvalidCredentials, null);
            }

            var loggedIn = counselor with { FailedLogins = 0, LockedUntil = null, LastLoginAt = now };
            await store.SaveAsync(loggedIn, cancellationToken);
            return new LoginResult(LoginStatus.Succeeded, loggedIn);
        }
        finally
        {
            _gate.Release();
        }
    }

}

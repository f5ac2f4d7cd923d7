namespace IntegrationBot.Handoff.Counselors;

/// <summary>A counselor account. Name is unique (case-insensitive); the password is only kept as a PasswordHasher hash.
/// Every open console session carries the SecurityStamp it was signed in with; a new stamp ends them all.</summary>
public sealed record Counselor
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string PasswordHash { get; init; }
    public bool IsAdmin { get; init; }

    /// <summary>May edit the knowledge base, in <see cref="Languages"/> only (admins may too).</summary>
    public bool IsEditor { get; init; }

    public bool CanEditKnowledge => IsEditor || IsAdmin;
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastLoginAt { get; init; }
    public string SecurityStamp { get; init; } = "";
    public bool Deactivated { get; init; }

    public bool Speaks(string language) => Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
}

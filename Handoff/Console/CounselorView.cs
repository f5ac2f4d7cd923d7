using IntegrationBot.Handoff.Counselors;

namespace IntegrationBot.Handoff.Console;

/// <summary>A counselor as the API shows it (an admin's list, the account's own /me): never the password hash.</summary>
public sealed record CounselorView(
    string Name,
    IReadOnlyList<string> Languages,
    bool IsAdmin,
    bool Online,
    DateTimeOffset? LastLoginAt,
    bool IsEditor,
    bool Deactivated,
    DateTimeOffset? LockedUntil)
{
    public static CounselorView From(Counselor counselor, bool online = true) =>
        new(counselor.Name, counselor.Languages, counselor.IsAdmin, online, counselor.LastLoginAt, counselor.IsEditor, counselor.Deactivated, counselor.LockedUntil);
}

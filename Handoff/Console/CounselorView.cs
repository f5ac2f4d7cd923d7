using IntegrationBot.Handoff.Counselors;

namespace IntegrationBot.Handoff.Console;

/// <summary>A counselor as the API shows it: never the password hash.</summary>
public sealed record CounselorView(string Name, IReadOnlyList<string> Languages, bool IsAdmin, bool Online, DateTimeOffset? LastLoginAt)
{
    public static CounselorView From(Counselor counselor, bool online = true) =>
        new(counselor.Name, counselor.Languages, counselor.IsAdmin, online, counselor.LastLoginAt);
}

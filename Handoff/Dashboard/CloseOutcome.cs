namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// The outcome a counselor chooses on close, as the console writes it: a code, for a referral the institution after a
/// colon, and an optional note after " — " (<c>referred:csd — asked about child benefit</c>). Free text from older
/// closes counts as its own code.
/// </summary>
public sealed record CloseOutcome(string Code, string? Institution)
{
    public const string Referred = "referred";
    private const string NoteSeparator = " — ";

    public static CloseOutcome Parse(string? outcome)
    {
        var head = (outcome ?? string.Empty).Split(NoteSeparator, 2)[0].Trim();
        var parts = head.Split(':', 2);
        var code = parts[0].Trim();
        return new CloseOutcome(code.Length == 0 ? "resolved" : code, parts.Length == 2 && code == Referred && parts[1].Trim().Length > 0 ? parts[1].Trim() : null);
    }
}

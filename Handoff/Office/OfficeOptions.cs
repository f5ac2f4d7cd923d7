namespace IntegrationBot.Handoff.Office;

/// <summary>The counseling office (section IntegrationBot:Office). Schedule keys are Mon..Sun, values like "08:00-15:00"
/// or "08:00-12:00,13:00-15:00"; holidays are yyyy-MM-dd dates in the office's time zone.</summary>
public sealed class OfficeOptions
{
    public const string Section = "IntegrationBot:Office";

    public string Name { get; set; } = "";

    /// <summary>The name in one language (key sl, en, sq, hbs or ar), used there instead of <see cref="Name"/>. Answers
    /// insert it in any grammatical case, uninflected: only for a name that does not decline (docs/configuration.md).</summary>
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string Address { get; set; } = "";
    public string HoursText { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/Ljubljana";
    public Dictionary<string, string> Schedule { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Holidays { get; set; } = [];
}

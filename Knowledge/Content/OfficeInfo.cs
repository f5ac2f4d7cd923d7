namespace IntegrationBot.Knowledge.Content;

/// <summary>The office's contact details, set by the operator (<c>IntegrationBot__Office__...</c>); null when not configured.</summary>
public sealed record OfficeInfo(
    string? Name = null,
    string? Address = null,
    string? Hours = null,
    string? Phone = null,
    string? Email = null)
{
    public static OfficeInfo NotConfigured { get; } = new();
}

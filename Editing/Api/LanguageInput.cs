using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationBot.Editing.Content;

namespace IntegrationBot.Editing.Api;

/// <summary>The body of PUT /api/knowledge/topics/{id}/languages/{lang}; status and review fields sent back are ignored.</summary>
public sealed record LanguageInput(string? Title, string? Answer, string? Details, IReadOnlyList<string?>? Questions, IReadOnlyList<string?>? Keywords)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    private static readonly string[] ReadOnlyFields = ["status", "reviewed", "reviewer", "needsReview"];

    public LanguageContent ToContent() => new()
    {
        Title = Title?.Trim() ?? "",
        Answer = Answer?.Trim() ?? "",
        Details = string.IsNullOrWhiteSpace(Details) ? null : Details.Trim(),
        Questions = Clean(Questions),
        Keywords = Clean(Keywords),
        Extra = Extra?.Where(p => !ReadOnlyFields.Contains(p.Key)).ToDictionary() is { Count: > 0 } extra ? extra : null,
    };

    private static List<string> Clean(IReadOnlyList<string?>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];
}

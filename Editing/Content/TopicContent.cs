using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Editing.Content;

/// <summary>
/// A topic as the office edits it: the fields of a <c>topics/*.yaml</c> file with its languages together. Fields this
/// version does not know are kept in <see cref="Extra"/> so they survive editing and export.
/// </summary>
public sealed record TopicContent
{
    public required string Id { get; init; }

    public required string Category { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<string> Related { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>A retired topic is no longer answered (its history is kept).</summary>
    public bool Retired { get; init; }

    public IReadOnlyDictionary<string, LanguageContent> Languages { get; init; } = new Dictionary<string, LanguageContent>();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public LanguageContent? In(string language) => Languages.GetValueOrDefault(language);
}

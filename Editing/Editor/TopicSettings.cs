namespace IntegrationBot.Editing.Editor;

/// <summary>
/// The fields of a topic that are the same in every language: category, sources, flags and related topics; a null
/// field is left as it is.
/// </summary>
public sealed record TopicSettings(string? Category, IReadOnlyList<string?>? Sources, IReadOnlyList<string?>? Flags, IReadOnlyList<string?>? Related);

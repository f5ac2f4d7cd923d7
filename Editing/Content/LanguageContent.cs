using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Editing.Content;

/// <summary>
/// One language of an edited topic. <see cref="NeedsReview"/> is set when another language changed after this one was
/// last written. Fields this version does not know (added to the topic format later) are kept in <see cref="Extra"/>.
/// </summary>
public sealed record LanguageContent
{
    public string Title { get; init; } = "";

    public string Answer { get; init; } = "";

    public string? Details { get; init; }

    public IReadOnlyList<string> Questions { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public bool NeedsReview { get; init; }

    public DateOnly? Reviewed { get; init; }

    public string? Reviewer { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>Whether what a person reads is the same: title, answer and details (what translations must agree on).</summary>
    public bool SameMeaningAs(LanguageContent? other) =>
        other is not null && Title == other.Title && Answer == other.Answer && (Details ?? "") == (other.Details ?? "");

    /// <summary>Whether the text a person sees or a question is matched by differs (not the review marks).</summary>
    public bool SameTextAs(LanguageContent? other) =>
        other is not null && Title == other.Title && Answer == other.Answer && (Details ?? "") == (other.Details ?? "")
        && Questions.SequenceEqual(other.Questions) && Keywords.SequenceEqual(other.Keywords);
}

using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Editing.Content;

/// <summary>Converts between the engine's <see cref="Topic"/> (what answers come from) and the edited <see cref="TopicContent"/>.</summary>
public static class TopicContentMapper
{
    /// <summary>The shipped topic as the first content to edit; every language starts as reviewed on the topic's date.</summary>
    public static TopicContent FromTopic(Topic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var languages = new Dictionary<string, LanguageContent>(StringComparer.Ordinal);
        foreach (var language in Language.All.Where(l => topic.Title.ContainsKey(l) || topic.Answer.ContainsKey(l)))
        {
            languages[language] = new LanguageContent
            {
                // Trimmed like the console sends them, so saving an unchanged text is not a change.
                Title = topic.Title.GetValueOrDefault(language)?.Trim() ?? "",
                Answer = topic.Answer.GetValueOrDefault(language)?.Trim() ?? "",
                Details = topic.Details.GetValueOrDefault(language)?.Trim(),
                Questions = topic.Questions.GetValueOrDefault(language) ?? [],
                Keywords = topic.Keywords.GetValueOrDefault(language) ?? [],
                Reviewed = topic.Reviews.GetValueOrDefault(language)?.On ?? topic.Reviewed,
                Reviewer = topic.Reviews.GetValueOrDefault(language)?.By,
            };
        }

        return new TopicContent
        {
            Id = topic.Id,
            Category = topic.Category,
            Flags = topic.Flags,
            Related = topic.Related,
            Sources = topic.Sources,
            Languages = languages,
        };
    }

    /// <summary>
    /// The topic the engine and <c>kb check</c> read. Its review date is the oldest of the languages' dates, so a
    /// topic counts as reviewed only as recently as its least recently reviewed language.
    /// </summary>
    public static Topic ToTopic(TopicContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var languages = content.Languages;
        var reviewed = languages.Values.Select(l => l.Reviewed).Where(d => d is not null).Min();
        return new Topic(
            Id: content.Id,
            Category: content.Category,
            Flags: content.Flags,
            Related: content.Related,
            Reviewed: reviewed,
            Sources: content.Sources,
            Title: languages.ToDictionary(p => p.Key, p => p.Value.Title, StringComparer.Ordinal),
            Answer: languages.ToDictionary(p => p.Key, p => p.Value.Answer, StringComparer.Ordinal),
            Details: languages.Where(p => !string.IsNullOrWhiteSpace(p.Value.Details)).ToDictionary(p => p.Key, p => p.Value.Details!, StringComparer.Ordinal),
            Questions: languages.ToDictionary(p => p.Key, p => p.Value.Questions, StringComparer.Ordinal),
            Keywords: languages.ToDictionary(p => p.Key, p => p.Value.Keywords, StringComparer.Ordinal),
            SourceFile: $"topics/{content.Id}.yaml")
        {
            // kb check wants a review (date and reviewer) per language; without this every console save was refused.
            Reviews = languages.Where(p => p.Value.Reviewed is not null)
                .ToDictionary(p => p.Key, p => new TopicReview(p.Value.Reviewed!.Value, p.Value.Reviewer ?? ""), StringComparer.Ordinal),
        };
    }
}

namespace IntegrationBot.Editing.Content;

/// <summary>The status of one language of a topic as the console shows it.</summary>
public static class LanguageStatus
{
    /// <summary>The text people get is this language's latest text.</summary>
    public const string Published = "published";

    /// <summary>Saved but not yet published.</summary>
    public const string Draft = "draft";

    /// <summary>Another language changed since this one was written: a speaker should check the translation.</summary>
    public const string NeedsReview = "needsReview";

    /// <summary>The status of <paramref name="language"/> in the latest content, against what is published.</summary>
    public static string Of(string language, TopicContent latest, TopicContent? published)
    {
        var current = latest.In(language);
        if (current is { NeedsReview: true })
        {
            return NeedsReview;
        }

        return current is not null && current.SameTextAs(published?.In(language)) ? Published : Draft;
    }
}

namespace IntegrationBot.Editing.Store;

/// <summary>
/// The office's edits of the knowledge base: every saved version of every edited topic, and which version of each is
/// published. Topics never edited are not stored; their content is the shipped YAML.
/// </summary>
public interface ITopicContentStore
{
    /// <summary>Adds <paramref name="version"/>; false when a version with its number exists already (a concurrent save won).</summary>
    Task<bool> AppendAsync(TopicVersion version, CancellationToken cancellationToken);

    Task<TopicVersion?> GetAsync(string topicId, int version, CancellationToken cancellationToken);

    Task<TopicVersion?> LatestAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>Every version of the topic, oldest first.</summary>
    Task<IReadOnlyList<TopicVersion>> VersionsAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>The latest version of every edited topic.</summary>
    Task<IReadOnlyList<TopicVersion>> LatestOfEachAsync(CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="version"/> of the topic as the published one; false when that version does not exist.</summary>
    Task<bool> PublishAsync(string topicId, int version, CancellationToken cancellationToken);

    /// <summary>The published version of the topic, or null when none of its versions is published.</summary>
    Task<TopicVersion?> PublishedAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>The published version of every topic that has one.</summary>
    Task<IReadOnlyList<TopicVersion>> PublishedOfEachAsync(CancellationToken cancellationToken);
}

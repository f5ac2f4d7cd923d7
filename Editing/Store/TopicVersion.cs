using IntegrationBot.Editing.Content;

namespace IntegrationBot.Editing.Store;

/// <summary>
/// One saved version of a topic (versions count 1, 2, 3 … per topic): who saved it, when, what kind of change
/// (<see cref="TopicChange"/>), in which language, and the whole content after the change.
/// </summary>
public sealed record TopicVersion(string TopicId, int Version, string Author, DateTimeOffset At, string Change, string? Language, TopicContent Content);

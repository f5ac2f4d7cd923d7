namespace IntegrationBot.Flows.Plan;

/// <summary>
/// A conversation whose plan wants reminders: where to reach it (<see cref="ReferenceJson"/>, a conversation reference)
/// and when to look at it next. <see cref="UserKey"/> is "channel|user" for erasure and export.
/// </summary>
public sealed record ReminderSubscription(string ConversationKey, string UserKey, string ReferenceJson, DateTimeOffset Due, DateTimeOffset Updated);

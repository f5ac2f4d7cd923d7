using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Flows.Tests.Support;

/// <summary>Reading replies in assertions.</summary>
public static class ActivityText
{
    public static string AllText(this IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    public static IReadOnlyList<string> Buttons(this Activity reply) => [.. reply.SuggestedActions?.Actions.Select(a => a.Title) ?? []];

    public static IReadOnlyList<string> LastButtons(this IReadOnlyList<Activity> replies) => replies.Count == 0 ? [] : replies[^1].Buttons();
}

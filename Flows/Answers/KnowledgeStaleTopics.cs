using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Validation;

namespace IntegrationBot.Flows.Answers;

/// <summary>The console dashboard's "topics to review": the same stale-review warnings as <c>kb check</c>, oldest first.</summary>
public sealed class KnowledgeStaleTopics(TopicCatalog catalog, TimeProvider time) : IStaleTopicSource
{
    public IReadOnlyList<DashboardStaleTopic> StaleTopics()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var stale = new KnowledgeValidator(time).StaleReviews(catalog)
            .Select(p => (Problem: p, Review: catalog.Find(p.Topic ?? string.Empty)?.Reviews.GetValueOrDefault(p.Language ?? string.Empty)))
            .Where(s => s.Review is not null);
        return
        [
            .. stale
                .Select(s => new DashboardStaleTopic(s.Problem.Topic!, s.Problem.Language!, s.Review!.On, s.Review.By, today.DayNumber - s.Review.On.DayNumber))
                .OrderByDescending(s => s.AgeDays)
                .ThenBy(s => s.Topic, StringComparer.Ordinal),
        ];
    }
}

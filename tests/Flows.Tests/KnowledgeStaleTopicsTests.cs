using IntegrationBot.Flows.Answers;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests;

public sealed class KnowledgeStaleTopicsTests
{
    [Fact]
    public void Topics_are_stale_180_days_after_their_review_and_not_before()
    {
        var catalog = TopicCatalog.LoadDefault();
        var reviewed = catalog.Find("work-permit")!.Reviews["en"];
        var day = reviewed.On.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

        Assert.DoesNotContain(new KnowledgeStaleTopics(catalog, new FakeTimeProvider(new DateTimeOffset(day.AddDays(180)))).StaleTopics(),
            t => t.Topic == "work-permit");
        var stale = new KnowledgeStaleTopics(catalog, new FakeTimeProvider(new DateTimeOffset(day.AddDays(181)))).StaleTopics();
        var entry = Assert.Single(stale, t => t.Topic == "work-permit" && t.Language == "en");
        Assert.Equal((reviewed.On, reviewed.By, 181), (entry.Reviewed, entry.ReviewedBy, entry.AgeDays));
    }
}

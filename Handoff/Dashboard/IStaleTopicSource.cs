namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Where the dashboard learns which topics need a review; the host with the knowledge base provides it.</summary>
public interface IStaleTopicSource
{
    IReadOnlyList<DashboardStaleTopic> StaleTopics();
}

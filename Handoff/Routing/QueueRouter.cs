using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Routing;

/// <summary>Orders waiting requests for a counselor: those in languages they speak first, then by priority, then by age.
/// Requests that no online counselor can serve are shown to everyone with a "needs" hint; requests another online
/// counselor can serve are left to them unless <c>includeOthers</c>.</summary>
public static class QueueRouter
{
    public static IReadOnlyList<RoutedRequest> ForCounselor(
        IEnumerable<HandoffRequest> waiting,
        Counselor counselor,
        IReadOnlyList<Counselor> onlineCounselors,
        bool includeOthers)
    {
        var routed = new List<RoutedRequest>();
        foreach (var request in waiting.Where(r => r.Status == HandoffStatus.Waiting))
        {
            var language = request.RoutingLanguage;
            if (counselor.Speaks(language))
            {
                routed.Add(new RoutedRequest(request, true, null));
            }
            else if (!onlineCounselors.Any(c => c.Speaks(language)))
            {
                routed.Add(new RoutedRequest(request, false, language));
            }
            else if (includeOthers)
            {
                routed.Add(new RoutedRequest(request, false, null));
            }
        }

        return [.. routed.OrderByDescending(r => r.CanServe).ThenByDescending(r => r.Request.Priority).ThenBy(r => r.Request.CreatedAt)];
    }

    /// <summary>Global order used for the user's queue position: priority, then age.</summary>
    public static IReadOnlyList<HandoffRequest> ByPriorityThenAge(IEnumerable<HandoffRequest> waiting) =>
        [.. waiting.Where(r => r.Status == HandoffStatus.Waiting).OrderByDescending(r => r.Priority).ThenBy(r => r.CreatedAt)];
}

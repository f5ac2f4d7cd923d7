using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.Knowledge.Validation;

namespace IntegrationBot.Knowledge.Cli;

/// <summary><c>kb check</c>: validates the content; one line per problem; exit code 0 when valid, 1 otherwise.</summary>
public static class KbCheckCommand
{
    /// <summary>Checks the content in <paramref name="contentDirectory"/> and reports to <paramref name="stdout"/>.</summary>
    public static async Task<int> RunAsync(string contentDirectory, TextWriter stdout, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var catalog = TopicCatalog.LoadFromDirectory(contentDirectory);
        var plan = PlanBook.LoadFromDirectory(contentDirectory);
        var validator = new KnowledgeValidator(time);
        List<ContentProblem> problems =
        [
            .. validator.Validate(catalog),
            .. new PlanValidator(time).Validate(plan, catalog),
        ];
        foreach (var problem in problems)
        {
            await stdout.WriteLineAsync(problem.ToString().AsMemory(), cancellationToken);
        }

        // Stale reviews are warnings: the facts may still be right, but someone should re-read the sources.
        foreach (var stale in validator.StaleReviews(catalog))
        {
            await stdout.WriteLineAsync($"warning: {stale}".AsMemory(), cancellationToken);
        }

        var summary = problems.Count == 0
            ? $"kb check: OK, {catalog.Topics.Count} topics{PlanSummary(plan)}"
            : $"kb check: {problems.Count} problem(s) in {catalog.Topics.Count} topics{PlanSummary(plan)}";
        await stdout.WriteLineAsync(summary.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return problems.Count == 0 ? 0 : 1;
    }

    private static string PlanSummary(PlanBook plan) => plan.Exists ? $", {plan.Steps.Count} plan steps" : string.Empty;
}

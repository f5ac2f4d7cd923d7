using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Plan;

/// <summary>Checks <c>plan.yaml</c> for <c>kb check</c>: every problem names the file, step, language and field.</summary>
public sealed partial class PlanValidator(TimeProvider time)
{
    /// <summary>All problems of <paramref name="plan"/> against the catalog's topics and local directory; empty when valid.</summary>
    public IReadOnlyList<ContentProblem> Validate(PlanBook plan, TopicCatalog catalog)
    {
        var problems = new List<ContentProblem>(plan.LoadProblems);
        if (!plan.Exists || plan.LoadProblems.Count > 0)
        {
            return problems;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (plan.Reviewed is null)
        {
            problems.Add(new ContentProblem(PlanBook.FileName, null, null, "reviewed", "missing review date (yyyy-mm-dd)"));
        }
        else if (plan.Reviewed > today)
        {
            problems.Add(new ContentProblem(PlanBook.FileName, null, null, "reviewed", $"{plan.Reviewed:yyyy-MM-dd} is in the future"));
        }

        if (plan.Steps.Count == 0)
        {
            problems.Add(new ContentProblem(PlanBook.FileName, null, null, "steps", "no steps"));
        }

        foreach (var duplicate in plan.Steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new ContentProblem(PlanBook.FileName, duplicate.Key, null, "id", "used by more than one step"));
        }

        foreach (var step in plan.Steps)
        {
            CheckStep(step, catalog, problems);
        }

        return problems;
    }

    private static void CheckStep(PlanStep step, TopicCatalog catalog, List<ContentProblem> problems)
    {
        void Add(string? language, string field, string message) =>
            problems.Add(new ContentProblem(PlanBook.FileName, step.Id.Length == 0 ? null : $"step {step.Id}", language, field, message));

        if (!Id().IsMatch(step.Id))
        {
            Add(null, "id", step.Id.Length == 0 ? "missing" : $"'{step.Id}' is not lower-case-with-dashes");
        }

        if (step.Order <= 0)
        {
            Add(null, "order", "missing or not a positive number");
        }

        if (catalog.Find(step.Topic) is null)
        {
            Add(null, "topic", step.Topic.Length == 0 ? "missing" : $"'{step.Topic}' is not a topic id");
        }

        CheckConditions(step.When, "when", Add);
        CheckConditions(step.Unless, "unless", Add);
        if (step.DeadlineDays is <= 0)
        {
            Add(null, "deadline_days", "must be a positive number of days after arrival");
        }

        if (step.Where is { } where && (!Id().IsMatch(where) || (catalog.Directory.Entries.Count > 0 && catalog.Directory.Find(where) is null)))
        {
            Add(null, "where", $"'{where}' is not a directory id");
        }

        if (step.Sources.Count == 0)
        {
            Add(null, "sources", "at least one source URL is required");
        }

        foreach (var source in step.Sources.Where(s => !Uri.TryCreate(s, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")))
        {
            Add(null, "sources", $"'{source}' is not an http(s) URL");
        }

        foreach (var language in Language.All)
        {
            if (!step.Title.TryGetValue(language, out var title) || title.Length == 0)
            {
                Add(language, "title", "missing");
            }

            if (step.Bring.Count > 0 && (!step.Bring.TryGetValue(language, out var bring) || bring.Length == 0))
            {
                Add(language, "bring", "missing (what to bring, when present, is needed in every language)");
            }
        }
    }

    private static void CheckConditions(IReadOnlyDictionary<string, IReadOnlyList<string>> conditions, string name, Action<string?, string, string> add)
    {
        foreach (var (field, values) in conditions)
        {
            if (IntakeValues.ValuesOf(field) is not { } known)
            {
                add(null, name, $"'{field}' is not an intake question (origin, purpose, children, has)");
                continue;
            }

            if (values.Count == 0)
            {
                add(null, name, $"'{field}' lists no values");
            }

            foreach (var value in values.Where(v => !known.Contains(v)))
            {
                add(null, name, $"'{value}' is not a value of {field} ({string.Join(", ", known)})");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Id();
}

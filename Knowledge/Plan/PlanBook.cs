using System.Globalization;
using IntegrationBot.Knowledge.Content;
using YamlDotNet.Core;

namespace IntegrationBot.Knowledge.Plan;

/// <summary>
/// The first-steps plan's rules from <c>plan.yaml</c>: which steps apply to whom, in which order, with which deadline.
/// A file that cannot be read is reported in <see cref="LoadProblems"/> (and by <c>kb check</c>) instead of throwing.
/// </summary>
public sealed class PlanBook
{
    /// <summary>The rules' file name in the content directory.</summary>
    public const string FileName = "plan.yaml";

    private readonly Dictionary<string, PlanStep> _byId;

    public PlanBook(IEnumerable<PlanStep> steps, DateOnly? reviewed = null, IEnumerable<ContentProblem>? loadProblems = null, bool exists = true)
    {
        Steps = [.. steps.OrderBy(s => s.Order)];
        _byId = Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Reviewed = reviewed;
        LoadProblems = [.. loadProblems ?? []];
        Exists = exists;
    }

    /// <summary>Every step, in plan order.</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    public DateOnly? Reviewed { get; }

    public IReadOnlyList<ContentProblem> LoadProblems { get; }

    /// <summary>False when the content has no plan.yaml (the plan is then not offered).</summary>
    public bool Exists { get; }

    public PlanStep? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The steps that apply to a person with these answers, in order.</summary>
    public IReadOnlyList<PlanStep> StepsFor(IntakeAnswers answers) => [.. Steps.Where(s => s.AppliesTo(answers))];

    public static PlanBook LoadDefault() => LoadFromDirectory(TopicCatalog.DefaultDirectory);

    /// <summary>Loads <c>plan.yaml</c> from a content directory; a missing file gives an empty book.</summary>
    public static PlanBook LoadFromDirectory(string path)
    {
        var file = Path.Combine(Path.GetFullPath(path), FileName);
        if (!File.Exists(file))
        {
            return new PlanBook([], exists: false);
        }

        var problems = new List<ContentProblem>();
        PlanFile? parsed;
        try
        {
            parsed = PlanYaml.Reader.Deserialize<PlanFile>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(FileName, null, null, null, $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}"));
            return new PlanBook([], null, problems);
        }

        DateOnly? reviewed = null;
        if (DateOnly.TryParseExact(parsed?.Reviewed?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reviewed = date;
        }

        var steps = (parsed?.Steps ?? []).Where(s => s is not null).Select(s => ToStep(s!));
        return new PlanBook(steps, reviewed, problems);
    }

    private static PlanStep ToStep(PlanStepFile file) => new(
        Id: file.Id?.Trim() ?? string.Empty,
        Order: file.Order ?? 0,
        Topic: file.Topic?.Trim() ?? string.Empty,
        When: Conditions(file.When),
        Unless: Conditions(file.Unless),
        DeadlineDays: file.DeadlineDays,
        Where: string.IsNullOrWhiteSpace(file.Where) ? null : file.Where.Trim(),
        Sources: [.. (file.Sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())],
        Title: Texts(file.Title),
        Bring: Texts(file.Bring));

    private static Dictionary<string, IReadOnlyList<string>> Conditions(Dictionary<string, List<string?>?>? map) =>
        map is null ? [] : map.ToDictionary(
            p => p.Key.Trim(),
            p => (IReadOnlyList<string>)[.. (p.Value ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())],
            StringComparer.Ordinal);

    private static Dictionary<string, string> Texts(Dictionary<string, string?>? map) =>
        map is null ? [] : map.Where(p => p.Value is not null).ToDictionary(p => p.Key.Trim(), p => p.Value!.Trim(), StringComparer.Ordinal);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}

namespace IntegrationBot.Handoff.Plan;

/// <summary>
/// One of the person's intake answers as the console shows it: the question (origin, purpose, arrival, children, has)
/// and its values as codes (e.g. "western-balkans"; arrival as yyyy-MM-dd; "skipped"; "none" for no children or none of
/// the things asked about). The console words them in the counselor's language.
/// </summary>
public sealed record HandoffPlanAnswer(string Question, IReadOnlyList<string> Values);

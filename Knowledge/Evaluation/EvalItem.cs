namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>
/// One line of an evaluation file: <c>{"text", "language", "topic"}</c>; out-of-scope lines have
/// <c>"topic": null, "kind": "out-of-scope"</c>, requests for a human <c>"topic": null, "kind": "handoff"</c>.
/// </summary>
public sealed record EvalItem(string Text, string Language, string? Topic, string? Kind)
{
    public const string OutOfScopeKind = "out-of-scope";
    public const string HandoffKind = "handoff";

    public bool IsOutOfScope => Topic is null && Kind == OutOfScopeKind;

    public bool IsHandoff => Topic is null && Kind == HandoffKind;
}

namespace IntegrationBot.Knowledge.Plan;

/// <summary>
/// What the person said in the plan's intake; null means the question was skipped (or not asked yet). Nothing else is
/// asked: no names, document numbers or nationality beyond the three origin groups.
/// </summary>
public sealed record IntakeAnswers
{
    /// <summary>One of <see cref="IntakeValues.Origins"/>.</summary>
    public string? Origin { get; init; }

    /// <summary>One of <see cref="IntakeValues.Purposes"/>.</summary>
    public string? Purpose { get; init; }

    /// <summary>The day the person arrived (or will arrive) in Slovenia; deadlines count from it.</summary>
    public DateOnly? Arrival { get; init; }

    /// <summary>Age groups of the children coming along (<see cref="IntakeValues.ChildAges"/>); empty: no children.</summary>
    public IReadOnlyList<string>? Children { get; init; }

    /// <summary>What the person already has (<see cref="IntakeValues.Possessions"/>); empty: none of them.</summary>
    public IReadOnlyList<string>? Has { get; init; }

    /// <summary>The answer to a condition field as a list (empty when skipped), for the rules.</summary>
    public IReadOnlyList<string>? ValuesOf(string field) => field switch
    {
        IntakeValues.OriginField => Origin is null ? null : [Origin],
        IntakeValues.PurposeField => Purpose is null ? null : [Purpose],
        IntakeValues.ChildrenField => Children,
        IntakeValues.HasField => Has,
        _ => null,
    };
}

namespace IntegrationBot.Knowledge.Plan;

/// <summary>The intake's questions (condition fields of plan.yaml) and the values each answer can take.</summary>
public static class IntakeValues
{
    public const string OriginField = "origin";
    public const string PurposeField = "purpose";
    public const string ChildrenField = "children";
    public const string HasField = "has";

    public const string Protection = "protection";

    public static IReadOnlyList<string> Origins { get; } = ["eu", "western-balkans", "other"];

    public static IReadOnlyList<string> Purposes { get; } = ["work", "family", "study", Protection, "other"];

    public static IReadOnlyList<string> ChildAges { get; } = ["under-6", "6-15", "15-18"];

    public static IReadOnlyList<string> Possessions { get; } =
        ["residence-permit", "registered-address", "tax-number", "health-insurance", "bank-account", "phone-number"];

    /// <summary>The values a condition on <paramref name="field"/> may name; null for an unknown field.</summary>
    public static IReadOnlyList<string>? ValuesOf(string field) => field switch
    {
        OriginField => Origins,
        PurposeField => Purposes,
        ChildrenField => ChildAges,
        HasField => Possessions,
        _ => null,
    };
}

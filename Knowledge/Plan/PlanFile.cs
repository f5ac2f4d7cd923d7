using YamlDotNet.Serialization;

namespace IntegrationBot.Knowledge.Plan;

// The YAML shape of plan.yaml as YamlDotNet fills it; everything optional so that the validator reports what is missing.
internal sealed class PlanFile
{
    public string? Reviewed { get; set; }

    public List<PlanStepFile?>? Steps { get; set; }
}

internal sealed class PlanStepFile
{
    public string? Id { get; set; }

    public int? Order { get; set; }

    public string? Topic { get; set; }

    public Dictionary<string, List<string?>?>? When { get; set; }

    public Dictionary<string, List<string?>?>? Unless { get; set; }

    [YamlMember(Alias = "deadline_days", ApplyNamingConventions = false)]
    public int? DeadlineDays { get; set; }

    public string? Where { get; set; }

    public List<string?>? Sources { get; set; }

    public Dictionary<string, string?>? Title { get; set; }

    public Dictionary<string, string?>? Bring { get; set; }
}

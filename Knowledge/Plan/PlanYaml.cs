using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IntegrationBot.Knowledge.Plan;

// One YAML reader for the plan's content files (plan.yaml, directory.yaml), set up like the topics' reader.
internal static class PlanYaml
{
    public static IDeserializer Reader { get; } = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();
}

namespace IntegrationBot.Knowledge.Content;

// The YAML shape of a topic file as YamlDotNet fills it; everything optional so that the validator,
// not the parser, reports what is missing.
internal sealed class TopicFile
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public List<string>? Flags { get; set; }

    public List<string>? Related { get; set; }

    public string? Reviewed { get; set; }

    public List<string>? Sources { get; set; }

    public Dictionary<string, string?>? Title { get; set; }

    public Dictionary<string, string?>? Answer { get; set; }

    public Dictionary<string, string?>? Details { get; set; }

    public Dictionary<string, List<string?>?>? Questions { get; set; }

    public Dictionary<string, List<string?>?>? Keywords { get; set; }
}

namespace IntegrationBot.Knowledge.Content;

// The YAML shape of a topic file as YamlDotNet fills it; everything optional so that the validator,
// not the parser, reports what is missing.
internal sealed class TopicFile
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public List<string>? Flags { get; set; }

    public List<string>? Related { get; set; }

    // A mapping language -> {on, by}; kept as object so a scalar (the old single date) is reported, not thrown.
    public object? Reviewed { get; set; }

    public List<string>? Sources { get; set; }

    public Dictionary<string, string?>? Title { get; set; }

    public Dictionary<string, string?>? Answer { get; set; }

    public Dictionary<string, string?>? Details { get; set; }

    public Dictionary<string, List<string?>?>? Questions { get; set; }

    public Dictionary<string, List<string?>?>? Keywords { get; set; }
}

namespace IntegrationBot.Knowledge.Content;

// The YAML shape of one directory.yaml entry as YamlDotNet fills it; the validator reports what is missing.
internal sealed class DirectoryEntryFile
{
    public string? Id { get; set; }

    public bool Confirmed { get; set; }

    public Dictionary<string, string?>? Names { get; set; }

    public string? Address { get; set; }

    public string? Hours { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Map { get; set; }

    public string? Source { get; set; }
}

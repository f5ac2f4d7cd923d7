using System.Text.RegularExpressions;

namespace IntegrationBot.Editing.Editor;

/// <summary>What a new topic id may look like: the file name of its YAML, lower-case words joined by '-'.</summary>
public static partial class TopicIds
{
    public static bool IsValid(string? id) => id is { Length: > 1 and <= 64 } && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

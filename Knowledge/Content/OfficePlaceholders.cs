using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Fills <c>{office.name}</c>, <c>{office.address}</c>, <c>{office.hours}</c>, <c>{office.phone}</c> and
/// <c>{office.email}</c> in answer text. Without a fallback a line whose placeholder has no configured value is left
/// out, so a person never sees a raw placeholder or an empty "Phone:" line. With a <see cref="OfficeFallback"/> (what
/// the person reads) no line is left out, so an unconfigured office loses no step or contact line of an answer: a
/// missing name reads as the office's generic name (capitalized when it starts the line), any other missing value
/// says to ask the office.
/// </summary>
public static partial class OfficePlaceholders
{
    /// <summary>The placeholder names a topic may use.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["office.name", "office.address", "office.hours", "office.phone", "office.email"];

    /// <summary>Returns <paramref name="text"/> with placeholders filled from <paramref name="office"/>.</summary>
    public static string Fill(string text, OfficeInfo office) => Fill(text, office, null);

    /// <summary>As <see cref="Fill(string, OfficeInfo)"/>, with words for what is not configured.</summary>
    public static string Fill(string text, OfficeInfo office, OfficeFallback? fallback)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var missing = false;
            var line = lines[i];
            var filled = Placeholder().Replace(line, match =>
            {
                var name = match.Groups[1].Value;
                var value = ValueOf(name, office);
                if (value is not null)
                {
                    return value;
                }

                if (fallback is null)
                {
                    missing = true;
                    return string.Empty;
                }

                if (name != "office.name")
                {
                    return fallback.AskOffice;
                }

                var startsLine = line.AsSpan(0, match.Index).IsWhiteSpace();
                return startsLine && fallback.Name.Length > 0
                    ? char.ToUpperInvariant(fallback.Name[0]) + fallback.Name[1..]
                    : fallback.Name;
            });
            if (missing)
            {
                continue;
            }

            output.Append(filled);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }
        }

        return output.ToString().TrimEnd('\n');
    }

    /// <summary>The unknown placeholders in <paramref name="text"/> (for kb check).</summary>
    public static IEnumerable<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(name => !Names.Contains(name));

    /// <summary>Removes every placeholder (for indexing answer text, where "office" and "name" would be noise).</summary>
    public static string Strip(string text) => Placeholder().Replace(text, " ");

    private static string? ValueOf(string name, OfficeInfo office)
    {
        var value = name switch
        {
            "office.name" => office.Name,
            "office.address" => office.Address,
            "office.hours" => office.Hours,
            "office.phone" => office.Phone,
            "office.email" => office.Email,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    [GeneratedRegex(@"\{([a-z]+\.[a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Fills <c>{dir.&lt;id&gt;.&lt;field&gt;}</c> from the local directory. A line that uses a field of an unconfirmed
/// entry, or an empty field, is never shown: it is replaced by <c>fallbackLine</c> (with <c>{name}</c> set to the
/// institution's name), which says to ask the office instead; the same fallback is shown at most once per entry.
/// When the text does show some of that institution's details (its address, say), <c>otherDetailsLine</c> is used
/// instead, so the answer does not send the person to ask for the address it just gave.
/// </summary>
public static partial class DirectoryPlaceholders
{
    /// <summary>Returns <paramref name="text"/> with directory placeholders filled for <paramref name="language"/>.</summary>
    public static string Fill(string text, LocalDirectory directory, string language, string fallbackLine, string? otherDetailsLine = null)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("{dir.", StringComparison.Ordinal))
        {
            return text;
        }

        // Entries with a detail shown somewhere in the text (a name alone is not a detail).
        var detailShown = Placeholder().Matches(text)
            .Where(m => m.Groups[2].Value != "name" && directory.Find(m.Groups[1].Value)?.Shown(m.Groups[2].Value, language) is not null)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var output = new StringBuilder(text.Length);
        var fallbacksShown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            DirectoryEntry? missingFor = null;
            var unknown = false;
            var filled = Placeholder().Replace(line, match =>
            {
                if (directory.Find(match.Groups[1].Value) is not { } entry)
                {
                    unknown = true;
                    return string.Empty;
                }

                var value = entry.Shown(match.Groups[2].Value, language);
                if (value is null)
                {
                    missingFor ??= entry;
                    return string.Empty;
                }

                return value;
            });

            if (unknown)
            {
                continue;
            }

            if (missingFor is not null)
            {
                var ask = otherDetailsLine is not null && detailShown.Contains(missingFor.Id) ? otherDetailsLine : fallbackLine;
                if (fallbacksShown.Add(missingFor.Id) && ask.Length > 0)
                {
                    output.Append(ask.Replace("{name}", missingFor.NameIn(language), StringComparison.Ordinal)).Append('\n');
                }

                continue;
            }

            output.Append(filled).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }

    /// <summary>The placeholders in <paramref name="text"/> naming an unknown entry or field (for kb check).</summary>
    public static IEnumerable<string> Unknown(string text, LocalDirectory directory) =>
        Placeholder().Matches(text)
            .Where(m => directory.Find(m.Groups[1].Value) is null || !DirectoryEntry.Fields.Contains(m.Groups[2].Value))
            .Select(m => m.Value);

    /// <summary>Removes every directory placeholder (for indexing answer text).</summary>
    public static string Strip(string text) => Placeholder().Replace(text, " ");

    [GeneratedRegex(@"\{dir\.([a-z0-9-]+)\.([a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

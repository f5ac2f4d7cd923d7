using System.Text.RegularExpressions;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// The <c>[n]</c> markers that tie a fact line of an answer to the n-th URL of the topic's <c>sources</c>
/// (1-based; several as <c>[1,3]</c>). People never see them: answers are shown with the markers removed and a
/// "Source:" line built from <see cref="Cited"/>.
/// </summary>
public static partial class SourceMarkers
{
    /// <summary>The text without markers (and without the blank before each).</summary>
    public static string Strip(string text) =>
        string.IsNullOrEmpty(text) || !text.Contains('[', StringComparison.Ordinal) ? text : Marker().Replace(text, string.Empty);

    /// <summary>The 1-based source numbers cited in <paramref name="text"/>, in order of first citation.</summary>
    public static IReadOnlyList<int> Cited(string text) =>
        [.. Marker().Matches(text).SelectMany(m => Numbers(m.Groups[1].Value)).Distinct()];

    /// <summary>The URLs of <paramref name="sources"/> cited in <paramref name="text"/>; all of them when none is cited.</summary>
    public static IReadOnlyList<string> CitedUrls(string text, IReadOnlyList<string> sources)
    {
        var cited = Cited(text).Where(n => n >= 1 && n <= sources.Count).Select(n => sources[n - 1]).ToList();
        return cited.Count > 0 ? cited : sources;
    }

    /// <summary>
    /// Problems of one text for kb check: a line stating a fact (a digit, € or an e-mail address once the list
    /// number, URLs, placeholders and markers are removed) without a marker, or a marker outside 1..sourceCount.
    /// </summary>
    public static IEnumerable<string> Problems(string text, int sourceCount)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var numbers = Marker().Matches(line).SelectMany(m => Numbers(m.Groups[1].Value)).ToList();
            foreach (var outside in numbers.Where(n => n < 1 || n > sourceCount).Distinct())
            {
                yield return $"[{outside}] is not among the topic's {sourceCount} source(s): \"{Short(line)}\"";
            }

            if (numbers.Count == 0 && StatesFact(line))
            {
                yield return $"fact line without a source marker [n]: \"{Short(line)}\"";
            }
        }
    }

    private static bool StatesFact(string line)
    {
        var rest = ListNumber().Replace(line, string.Empty);
        rest = Url().Replace(rest, " ");
        rest = AnyPlaceholder().Replace(rest, " ");
        return rest.Contains('@', StringComparison.Ordinal) || rest.Contains('€', StringComparison.Ordinal) || rest.Any(char.IsDigit);
    }

    private static IEnumerable<int> Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse);

    private static string Short(string line) => line.Length <= 60 ? line : line[..57] + "...";

    [GeneratedRegex(@"\s*\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\d{1,2}[.)]\s", RegexOptions.CultureInvariant)]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\{[a-z]+(?:\.[a-z0-9-]+)+\}", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPlaceholder();
}

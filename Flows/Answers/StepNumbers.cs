using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// Numbers a text's steps 1, 2, 3 as the person reads them. A topic keeps one numbering over its short answer and its
/// details ("More details"), so the short answer read "1., 3., 4." and the details "2., 5.": on Telegram and Viber
/// that looked like lost text. A step written "1." starts a new list.
/// </summary>
public static partial class StepNumbers
{
    public static string Consecutive(string text)
    {
        if (!Step().IsMatch(text))
        {
            return text;
        }

        var next = 0;
        return Step().Replace(text, match =>
        {
            next = match.Groups[2].ValueSpan is "1" ? 1 : next + 1;
            return match.Groups[1].Value + next.ToString(CultureInfo.InvariantCulture) + ".";
        });
    }

    [GeneratedRegex(@"^([ \t]*)(\d{1,2})\.(?=[ \t])", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Step();
}

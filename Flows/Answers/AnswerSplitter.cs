using System.Text;

namespace IntegrationBot.Flows.Answers;

/// <summary>Splits a long answer into messages under a length limit, at line or sentence ends where possible.</summary>
public static class AnswerSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            if (current.Length > 0 && current.Length + sentence.Length > maxLength)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }

            // A single sentence longer than the limit is cut at a space (or hard, for text without spaces).
            var rest = sentence;
            while (rest.Length > maxLength)
            {
                var cut = rest.LastIndexOf(' ', maxLength - 1);
                cut = cut <= 0 ? maxLength : cut;
                parts.Add(rest[..cut].Trim());
                rest = rest[cut..];
            }

            current.Append(rest);
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            parts.Add(last);
        }

        return parts;
    }

    // Sentences keep their ending punctuation and the blank after it, so joining them gives the text back.
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n'
                || (text[i] is '.' or '!' or '?' or '؟' or '。' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
            if (end)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}

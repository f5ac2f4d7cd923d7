namespace IntegrationBot.Channels.Common;

/// <summary>Cuts long text into chunks a channel accepts, preferring paragraph, line, sentence and word boundaries.</summary>
public static class TextSplitter
{
    private static readonly string[] SentenceEnds = [". ", "! ", "? ", "؟ ", "。", "… "];

    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var chunks = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest[..maxLength]);
            var chunk = rest[..cut].TrimEnd();
            if (chunk.Length > 0)
            {
                chunks.Add(chunk.ToString());
            }
            rest = rest[cut..].TrimStart();
        }
        if (chunks.Count == 0)
        {
            chunks.Add(rest.ToString());
        }
        else if (rest.TrimEnd().Length > 0)
        {
            chunks.Add(rest.TrimEnd().ToString());
        }
        return chunks;
    }

    private static int FindCut(ReadOnlySpan<char> window)
    {
        // Do not accept a boundary in the first third: many tiny messages read worse than one hard cut.
        var floor = window.Length / 3;
        var at = window.LastIndexOf("\n\n");
        if (at > floor)
        {
            return at + 2;
        }
        at = window.LastIndexOf('\n');
        if (at > floor)
        {
            return at + 1;
        }
        var best = -1;
        foreach (var end in SentenceEnds)
        {
            var i = window.LastIndexOf(end);
            if (i >= 0)
            {
                best = Math.Max(best, i + end.Length);
            }
        }
        if (best > floor)
        {
            return best;
        }
        at = window.LastIndexOf(' ');
        if (at > floor)
        {
            return at + 1;
        }
        // Never cut a surrogate pair in half: the channel would reject the broken UTF-16.
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}

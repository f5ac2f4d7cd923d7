namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>Lines up what a chat received with what it should have received once; every other send is a copy sent again.</summary>
internal static class ResentReplies
{
    /// <returns>Expected replies that never arrived (lost), the sends beyond the expected ones with when they were
    /// answered, and those of them that repeat nothing the chat had received before (neither expected nor a copy).</returns>
    public static (IReadOnlyList<string> Missing, IReadOnlyList<(string Text, long Answered)> Again, IReadOnlyList<string> Unexpected) Match(
        IReadOnlyList<string> expected, IReadOnlyList<(string Text, long Answered)> received)
    {
        var next = 0;
        var again = new List<(string, long)>();
        var unexpected = new List<string>();
        foreach (var (text, answered) in received)
        {
            if (next < expected.Count && expected[next] == text)
            {
                next++;
                continue;
            }

            again.Add((text, answered));
            if (!expected.Take(next).Contains(text))
            {
                unexpected.Add(text);
            }
        }

        return ([.. expected.Skip(next)], again, unexpected);
    }
}

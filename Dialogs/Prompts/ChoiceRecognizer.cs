namespace IntegrationBot.Dialogs.Prompts;

/// <summary>
/// Finds which offered choice the user meant: its number, its value, title or a synonym (case, diacritics and script
/// folded), the title inside a longer message, one word of a longer title, or a close typo. Ambiguous input matches nothing.
/// </summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? input, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = MatchText.Normalize(input);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(text, out var number) && number >= 1 && number <= choices.Count)
        {
            return Found(choices, number - 1);
        }

        var terms = choices
            .SelectMany((choice, index) => Terms(choice).Select(term => (Index: index, Term: MatchText.Normalize(term))))
            .Where(t => t.Term.Length > 0)
            .ToList();

        return Unique(choices, terms.Where(t => t.Term == text))
            ?? Unique(choices, terms.Where(t => t.Term.Length > 1 && $" {text} ".Contains($" {t.Term} ", StringComparison.Ordinal)))
            ?? Unique(choices, terms.Where(t => text.Length > 2 && $" {t.Term} ".Contains($" {text} ", StringComparison.Ordinal)))
            ?? ClosestTypo(choices, terms, text);
    }

    private static FoundChoice? ClosestTypo(IReadOnlyList<Choice> choices, List<(int Index, string Term)> terms, string text)
    {
        var scored = terms
            .Select(t => (t.Index, t.Term, Distance: MatchText.Distance(t.Term, text)))
            .Where(t => t.Distance <= MatchText.AllowedTypos(t.Term.Length))
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var best = scored.Min(t => t.Distance);
        return Unique(choices, scored.Where(t => t.Distance == best).Select(t => (t.Index, t.Term)));
    }

    private static FoundChoice? Unique(IReadOnlyList<Choice> choices, IEnumerable<(int Index, string Term)> matches)
    {
        var indexes = matches.Select(m => m.Index).Distinct().Take(2).ToList();
        return indexes.Count == 1 ? Found(choices, indexes[0]) : null;
    }

    private static IEnumerable<string> Terms(Choice choice) =>
        new[] { choice.Value, choice.DisplayTitle }.Concat(choice.Synonyms ?? []);

    private static FoundChoice Found(IReadOnlyList<Choice> choices, int index) => new(choices[index].Value, index);
}

using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Languages;

/// <summary>
/// Recognizes a short message that plainly asks for a language, in any of the five: a language's name with words that
/// ask ("please", "in", "speak", "prosim", "po", "ju lutem", "molim", "na", "من فضلك") and nothing else. Any other word
/// makes it a question ("where can I learn Slovenian", "Slovenian course"), and so does a name alone: "slovenian" and
/// "slovenščina" are how people ask about the language course. The words live in Flows/Localization
/// (<c>language.request.*</c>), folded, so diacritics, case and hbs Cyrillic do not matter.
/// </summary>
public sealed class LanguageRequestReader
{
    private const int MaxWords = 6;
    private const int MaxLength = 60;

    // Arabic writes "in" (bi-) onto the name: "بالعربي" is "in Arabic", a request by itself.
    private const char ArabicIn = 'ب';

    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asking = new(StringComparer.Ordinal);
    private readonly HashSet<string> _neutral = new(StringComparer.Ordinal);

    public LanguageRequestReader(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var file in Language.All)
        {
            foreach (var target in Language.All)
            {
                foreach (var word in WordsOf(localizer, file, $"language.request.{target}"))
                {
                    // A word that names two languages names neither.
                    _names[word] = _names.TryGetValue(word, out var known) && known != target ? null : target;
                }
            }

            _asking.UnionWith(WordsOf(localizer, file, "language.request.asking"));
            _neutral.UnionWith(WordsOf(localizer, file, "language.request.neutral"));
        }
    }

    /// <summary>The language <paramref name="text"/> asks for, or null when it is anything else.</summary>
    public LanguageRequest? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var words = Tokenizer.Tokenize(text);
        if (words.Count > MaxWords)
        {
            return null;
        }

        string? target = null;
        var asked = false;
        foreach (var word in words)
        {
            if (NameOf(word, out var asks) is { } language)
            {
                if (target is not null && target != language)
                {
                    return null;
                }

                target = language;
                asked |= asks;
            }
            else if (_asking.Contains(word))
            {
                asked = true;
            }
            else if (!_neutral.Contains(word))
            {
                return null;
            }
        }

        return target is not null && asked ? new LanguageRequest(target, target == Language.Bcs && WritingScript.HasCyrillic(text)) : null;
    }

    private string? NameOf(string word, out bool asks)
    {
        asks = false;
        if (_names.TryGetValue(word, out var language))
        {
            return language;
        }

        if (word.Length > 3 && word[0] == ArabicIn && _names.TryGetValue(word[1..], out language))
        {
            asks = true;
            return language;
        }

        return null;
    }

    private static IEnumerable<string> WordsOf(Localizer localizer, string file, string key) =>
        localizer.Words(file, key).SelectMany(Tokenizer.Tokenize);
}

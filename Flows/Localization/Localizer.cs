using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Localization;

/// <summary>
/// The user-facing strings of the flows, one table per language (Localization/*.json, embedded). Placeholders are
/// named, e.g. <c>{position}</c>; a missing key or language falls back to English so a person never sees a key.
/// </summary>
public sealed partial class Localizer
{
    private const string ResourcePrefix = "IntegrationBot.Flows.Localization.";

    // Far more than keys × voices; only a caller inventing keys or languages could reach it, and then it stops growing.
    private const int MaxRendered = 8192;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _tables;

    // A string without placeholders renders the same for every person with the same voice: rendered once per process,
    // not on every message (Arabic bidi isolation and hbs Cyrillic transliteration walk the whole text).
    private readonly ConcurrentDictionary<(Voice Voice, string Key), string> _said = new();
    private readonly ConcurrentDictionary<(Voice Voice, string Key), string> _titles = new();

    public Localizer(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables)
    {
        _tables = tables.ToFrozenDictionary(t => t.Key, t => t.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The string tables shipped in this assembly.</summary>
    public static Localizer LoadEmbedded()
    {
        var assembly = typeof(Localizer).Assembly;
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Language.All)
        {
            using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{language}.json")
                ?? throw new InvalidOperationException($"The string table '{language}.json' is not embedded in {assembly.GetName().Name}.");
            tables[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The string table '{language}.json' is empty.");
        }

        return new Localizer(tables);
    }

    public IReadOnlyCollection<string> Languages => _tables.Keys;

    /// <summary>The keys of one language's table.</summary>
    public IReadOnlyCollection<string> KeysOf(string language) =>
        _tables.TryGetValue(language, out var table) ? table.Keys : [];

    /// <summary>The raw string, or null when the language has no such key.</summary>
    public string? Find(string language, string key) =>
        _tables.TryGetValue(language, out var table) && table.TryGetValue(key, out var text) ? text : null;

    /// <summary>The string in <paramref name="language"/> (English as fallback) with its placeholders filled.</summary>
    public string Get(string language, string key, IReadOnlyDictionary<string, string>? args = null)
    {
        var text = Find(language, key) is { Length: > 0 } found ? found
            : Find(Language.English, key) ?? throw new KeyNotFoundException($"No string '{key}' in the string tables.");
        return args is null || args.Count == 0 ? text : Fill(text, args);
    }

    /// <summary>The string as this person should read it: in Cyrillic for hbs Cyrillic writers, bidi-isolated in Arabic.</summary>
    public string Say(Voice voice, string key, IReadOnlyDictionary<string, string>? args = null) =>
        args is null || args.Count == 0
            ? Rendered(_said, voice, key, static (localizer, voice, key) => Render(voice, localizer.Get(voice.Language, key)))
            : Render(voice, Get(voice.Language, key, args));

    /// <summary>A button title in this person's script (no bidi marks: titles are sent back as the user's message).</summary>
    public string Title(Voice voice, string key) =>
        Rendered(_titles, voice, key, static (localizer, voice, key) => RenderTitle(voice, localizer.Get(voice.Language, key)));

    private string Rendered(ConcurrentDictionary<(Voice Voice, string Key), string> cache, Voice voice, string key, Func<Localizer, Voice, string, string> render)
    {
        if (cache.TryGetValue((voice, key), out var text))
        {
            return text;
        }

        text = render(this, voice, key);
        if (cache.Count < MaxRendered)
        {
            cache.TryAdd((voice, key), text);
        }

        return text;
    }

    /// <summary>Any text (e.g. a knowledge-base answer) as this person should read it.</summary>
    public static string Render(Voice voice, string text) => voice.Language switch
    {
        Language.Bcs when voice.Cyrillic => ToCyrillicKeepingCommands(text),
        Language.Arabic => BidiText.IsolateForRightToLeft(CyrillicTransliterator.StripLatinMarks(text)),
        _ => CyrillicTransliterator.StripLatinMarks(text),
    };

    public static string RenderTitle(Voice voice, string title) =>
        voice.Language == Language.Bcs && voice.Cyrillic ? ToCyrillicKeepingCommands(title) : CyrillicTransliterator.StripLatinMarks(title);

    // Commands such as /delete must stay typeable as they are, so they are not transliterated (nor addresses).
    private static string ToCyrillicKeepingCommands(string text)
    {
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Command().Matches(text))
        {
            builder.Append(CyrillicTransliterator.ToCyrillic(text[last..match.Index])).Append(match.Value);
            last = match.Index + match.Length;
        }

        return builder.Append(CyrillicTransliterator.ToCyrillic(text[last..])).ToString();
    }

    /// <summary>The comma-separated words of a key (e.g. <c>command.menu.words</c>), trimmed.</summary>
    public IReadOnlyList<string> Words(string language, string key) =>
        [.. (Find(language, key) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The placeholder names used in a string, for the consistency check between languages.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Fill(string text, IReadOnlyDictionary<string, string> args)
    {
        var builder = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            builder.Append(text, last, match.Index - last);
            builder.Append(args.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
            last = match.Index + match.Length;
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    // Web and e-mail addresses stay as written too: a transliterated address leads nowhere. A command starts a word:
    // after a letter the slash joins words ("bosanskom/hrvatskom"), which are transliterated.
    [GeneratedRegex(@"(?:https?://|www\.)[^\s\u2066-\u2069]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|(?<![\p{L}\p{N}])/[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

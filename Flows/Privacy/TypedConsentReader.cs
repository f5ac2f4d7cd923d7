using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// A typed answer to the privacy question: "sprejemam", "da", "yes", "po", "да", "نعم" accept, "ne", "no", "jo", "لا"
/// decline, in any of the five languages (<c>privacy.typed.accept</c> and <c>privacy.typed.decline</c> in
/// Flows/Localization), folded, so diacritics, case, punctuation and hbs Cyrillic do not matter. It counts only while
/// Accept and Decline are the buttons offered, so a "no" to anything else keeps its meaning; a phrase that is an
/// acceptance in one language and a refusal in another means neither.
/// </summary>
public sealed class TypedConsentReader
{
    private const int MaxLength = 40;
    private readonly Dictionary<string, string?> _phrases = new(StringComparer.Ordinal);

    public TypedConsentReader(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var file in Language.All)
        {
            Add(localizer.Words(file, "privacy.typed.accept"), FlowActions.PrivacyAccept);
            Add(localizer.Words(file, "privacy.typed.decline"), FlowActions.PrivacyDecline);
        }
    }

    /// <summary>The Accept or Decline button <paramref name="turn"/>'s message means, or null.</summary>
    public OfferedAction? Read(FlowTurn turn)
    {
        var offered = turn.Data.Offered;
        if (turn.Text.Length is 0 or > MaxLength
            || !offered.Any(o => o.Action == FlowActions.PrivacyAccept) || !offered.Any(o => o.Action == FlowActions.PrivacyDecline)
            || !_phrases.TryGetValue(Key(BidiText.Strip(turn.Text)), out var action) || action is null)
        {
            return null;
        }

        return offered.First(o => o.Action == action);
    }

    private void Add(IEnumerable<string> phrases, string action)
    {
        foreach (var key in phrases.Select(Key).Where(k => k.Length > 0))
        {
            _phrases[key] = _phrases.TryGetValue(key, out var known) && known != action ? null : action;
        }
    }

    private static string Key(string text) => string.Join(' ', Tokenizer.Tokenize(text));
}

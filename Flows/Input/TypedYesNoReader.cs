using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Input;

/// <summary>
/// A yes or a no typed instead of tapped: "da", "yes please", "po, pranoj", "ne hvala", "I don't agree", "لا شكرا".
/// A message counts when every word is a yes, a consent, a no or a polite word of the conversation's language or
/// English (<c>typed.*</c> in Flows/Localization, folded; per language, because Albanian "në" folds to Slovene "ne").
/// A no word makes it a no. It answers the yes/no question whose buttons are offered (privacy, language switch, plan
/// reminder, "Was this helpful?"); a consent word ("sprejemam", "accept", "pranoj", "أوافق") or a bare yes or no
/// while no such question is offered answers the privacy notice if its choice is still open (the notice may have
/// come before other messages whose buttons replaced its own).
/// </summary>
public sealed class TypedYesNoReader
{
    private const int MaxWords = 6;
    private const int MaxLength = 60;

    // Yes/no questions the flows ask, by their buttons' actions; the privacy choice first, as it gates the others.
    private static readonly (string Yes, string No)[] Pairs =
    [
        (FlowActions.PrivacyAccept, FlowActions.PrivacyDecline),
        (FlowActions.SwitchYes, FlowActions.SwitchNo),
        (FlowActions.PlanRemindYes, FlowActions.PlanRemindNo),
        (FlowActions.HelpfulYes, FlowActions.HelpfulNo),
    ];

    private readonly Dictionary<string, Words> _words = new(StringComparer.Ordinal);

    public TypedYesNoReader(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var language in Language.All)
        {
            _words[language] = new Words(
                Set(localizer, language, "typed.yes"),
                Set(localizer, language, "typed.consent"),
                Set(localizer, language, "typed.no"),
                Set(localizer, language, "typed.polite"));
        }
    }

    /// <summary>The yes or no button <paramref name="turn"/>'s message means, or null.</summary>
    public OfferedAction? Read(FlowTurn turn)
    {
        // Most typed messages are questions with no yes/no question pending: they are not tokenized here.
        var offered = turn.Data.Offered;
        var privacyOpen = turn.Data.Privacy == PrivacyChoice.Unanswered;
        if (turn.Text.Length is 0 or > MaxLength || (!privacyOpen && !Pairs.Any(p => Has(offered, p.Yes) && Has(offered, p.No)))
            || Read(turn.Text, turn.Language) is not { } reading)
        {
            return null;
        }

        // A consent word answers only the privacy question; a bare yes or no the question on screen.
        foreach (var (yes, no) in Pairs)
        {
            if ((!reading.Consent || yes == FlowActions.PrivacyAccept) && Has(offered, yes) && Has(offered, no))
            {
                return offered.First(o => o.Action == (reading.No ? no : yes));
            }
        }

        if (!privacyOpen)
        {
            return null;
        }

        var action = reading.No ? FlowActions.PrivacyDecline : FlowActions.PrivacyAccept;
        return offered.FirstOrDefault(o => o.Action == action) ?? PrivacyNotice.Buttons(turn).First(o => o.Action == action);
    }

    private Reading? Read(string text, string language)
    {
        var words = Tokenizer.Tokenize(BidiText.Strip(text));
        if (words.Count is 0 or > MaxWords)
        {
            return null;
        }

        var own = _words[language];
        var english = _words[Language.English];
        bool In(Func<Words, HashSet<string>> set, string word) => set(own).Contains(word) || set(english).Contains(word);

        bool yes = false, consent = false, no = false;
        foreach (var word in words)
        {
            var isNo = In(w => w.No, word);
            var isConsent = In(w => w.Consent, word);
            var isYes = In(w => w.Yes, word);
            if (!isNo && !isConsent && !isYes && !In(w => w.Polite, word))
            {
                return null;
            }

            no |= isNo;
            consent |= isConsent;
            yes |= isYes;
        }

        return no || consent || yes ? new Reading(no, consent) : null;
    }

    private static bool Has(IReadOnlyList<OfferedAction> offered, string action) => offered.Any(o => o.Action == action);

    private static HashSet<string> Set(Localizer localizer, string language, string key) =>
        new(localizer.Words(language, key).SelectMany(Tokenizer.Tokenize), StringComparer.Ordinal);

    private sealed record Words(HashSet<string> Yes, HashSet<string> Consent, HashSet<string> No, HashSet<string> Polite);

    private sealed record Reading(bool No, bool Consent);
}

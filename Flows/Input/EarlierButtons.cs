using System.Collections.Frozen;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Input;

/// <summary>
/// Buttons that mean the same under any message: the language chooser's and the privacy notice's, in every language.
/// Telegram keeps the buttons of every earlier message, and a press of one of these means what it meant when it was
/// offered (a language, accept, decline). Only a press the channel marks (<see cref="ButtonPress"/>) is read so: typed,
/// "English" alone is a question about the language.
/// </summary>
public sealed class EarlierButtons
{
    private readonly FrozenDictionary<(string Title, bool Cyrillic), OfferedAction> _byTitle;

    public EarlierButtons(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var byTitle = new Dictionary<(string Title, bool Cyrillic), OfferedAction?>();
        foreach (var button in LanguageChooser.Buttons(localizer))
        {
            Add(byTitle, button);
        }

        foreach (var language in Language.All)
        {
            var voice = new Voice(language);
            Add(byTitle, new OfferedAction(localizer.Title(voice, "language.changeButton"), FlowActions.ChangeLanguage));
            Add(byTitle, new OfferedAction(localizer.Title(voice, "privacy.accept"), FlowActions.PrivacyAccept));
            Add(byTitle, new OfferedAction(localizer.Title(voice, "privacy.readMore"), FlowActions.PrivacyMore));
            Add(byTitle, new OfferedAction(localizer.Title(voice, "privacy.decline"), FlowActions.PrivacyDecline));
        }

        _byTitle = byTitle.Where(b => b.Value is not null).ToFrozenDictionary(b => b.Key, b => b.Value!);
    }

    /// <summary>The earlier button the person pressed, or null (typed, or any other button).</summary>
    public OfferedAction? Find(FlowTurn turn)
    {
        if (!ButtonPress.IsPress(turn.Context.Activity))
        {
            return null;
        }

        // A title in its own script first (the chooser's Latin and Cyrillic Bosnian/Croatian/Serbian fold alike), then
        // any: a Cyrillic chat shows the other buttons transliterated ("🌐 Промијени језик").
        var title = ButtonMatcher.ComparableTitle(turn.Text);
        var cyrillic = WritingScript.HasCyrillic(turn.Text);
        return _byTitle.TryGetValue((title, cyrillic), out var pressed) || _byTitle.TryGetValue((title, !cyrillic), out pressed)
            ? pressed
            : null;
    }

    // Titles are compared folded (case, diacritics, hbs Cyrillic), as ButtonMatcher compares them; a folded title that
    // means two things in two languages means neither.
    private static void Add(Dictionary<(string Title, bool Cyrillic), OfferedAction?> byTitle, OfferedAction button)
    {
        var key = (ButtonMatcher.ComparableTitle(button.Title), WritingScript.HasCyrillic(button.Title));
        byTitle[key] = !byTitle.TryGetValue(key, out var known) ? button
            : known is not null && known.Action == button.Action && known.Argument == button.Argument ? known : null;
    }
}

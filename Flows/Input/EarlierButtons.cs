using System.Collections.Frozen;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Input;

/// <summary>
/// Buttons that mean the same under any message: the language chooser's, the privacy notice's, the menu's (a category,
/// the first steps, talk to a counselor, back to menu) and a topic's title, in every language. Telegram keeps the
/// buttons of every earlier message, and a press of one of these means what it meant when it was offered (a language,
/// accept, a topic). Only a press the channel marks (<see cref="ButtonPress"/>) is read so: typed, "English" alone is a
/// question about the language. A marked press of any other earlier button ("More details", 👍) cannot be told apart
/// from the same title under another answer, and is answered as no longer valid (<c>button.earlier</c>).
/// </summary>
public sealed class EarlierButtons
{
    private readonly FrozenDictionary<(string Title, bool Cyrillic), OfferedAction> _byTitle;
    private readonly FrozenDictionary<(string Title, bool Cyrillic), string> _languageOf;
    private readonly KnowledgeEngine _engine;

    public EarlierButtons(Localizer localizer, KnowledgeEngine engine)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        _engine = engine;
        var byTitle = new Dictionary<(string Title, bool Cyrillic), OfferedAction?>();
        var languageOf = new Dictionary<(string Title, bool Cyrillic), string?>();
        foreach (var button in LanguageChooser.Buttons(localizer))
        {
            Add(byTitle, button);
        }

        foreach (var language in Language.All)
        {
            Voice[] voices = language == Language.Bcs ? [new(language), new(language, Cyrillic: true)] : [new(language)];
            foreach (var voice in voices)
            {
                var buttons = new List<OfferedAction>
                {
                    new(localizer.Title(voice, "language.changeButton"), FlowActions.ChangeLanguage),
                    new(localizer.Title(voice, "privacy.accept"), FlowActions.PrivacyAccept),
                    new(localizer.Title(voice, "privacy.readMore"), FlowActions.PrivacyMore),
                    new(localizer.Title(voice, "privacy.decline"), FlowActions.PrivacyDecline),
                    new(localizer.Title(voice, "plan.menuButton"), FlowActions.Plan),
                    new(localizer.Title(voice, "menu.counselor"), FlowActions.Counselor),
                    new(localizer.Title(voice, "menu.back"), FlowActions.Menu),
                };
                buttons.AddRange(TopicCategory.All.Select(c => new OfferedAction(localizer.Title(voice, $"menu.category.{c}"), FlowActions.Category, c)));
                foreach (var button in buttons)
                {
                    // Pressed in Cyrillic, a title is found by its folded Latin form; only its language is kept per script.
                    if (!voice.Cyrillic)
                    {
                        Add(byTitle, button);
                    }

                    var key = Key(button.Title);
                    languageOf[key] = !languageOf.TryGetValue(key, out var known) || known == language ? language : null;
                }
            }
        }

        _byTitle = byTitle.Where(b => b.Value is not null).ToFrozenDictionary(b => b.Key, b => b.Value!);
        _languageOf = languageOf.Where(l => l.Value is not null).ToFrozenDictionary(l => l.Key, l => l.Value!);
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
        if (_byTitle.TryGetValue((title, cyrillic), out var pressed) || _byTitle.TryGetValue((title, !cyrillic), out pressed))
        {
            if (_languageOf.TryGetValue(Key(turn.Text), out var language))
            {
                AdoptLanguage(turn, language);
            }

            return pressed;
        }

        return TopicTitled(turn, title);
    }

    // A conversation erased with /delete has no language, while Telegram still shows its buttons: a press there speaks
    // the button's language (otherwise the answer came in English).
    private static void AdoptLanguage(FlowTurn turn, string language)
    {
        if (turn.Data.Language is null)
        {
            turn.Data = turn.Data with { Language = language, Cyrillic = language == Language.Bcs && WritingScript.HasCyrillic(turn.Text) };
        }
    }

    private static (string Title, bool Cyrillic) Key(string title) => (ButtonMatcher.ComparableTitle(title), WritingScript.HasCyrillic(title));

    // A related topic of an earlier answer: its title in the conversation's language first, then in any (the chat may have
    // changed language since). The knowledge base is edited live, so the titles are read from the current catalog.
    private OfferedAction? TopicTitled(FlowTurn turn, string title)
    {
        var matches = _engine.Catalog.Topics
            .SelectMany(t => Language.All.Where(l => ButtonMatcher.ComparableTitle(t.TitleIn(l)) == title).Select(l => (Topic: t, Language: l)))
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        // A title the same in two languages ("EMŠO") says nothing of the language.
        if (matches.All(m => m.Language == matches[0].Language))
        {
            AdoptLanguage(turn, matches[0].Language);
        }

        var topic = matches.FirstOrDefault(m => m.Language == turn.Language).Topic ?? matches[0].Topic;
        return new OfferedAction(topic.TitleIn(turn.Language), FlowActions.Topic, topic.Id);
    }

    // Titles are compared folded (case, diacritics, hbs Cyrillic), as ButtonMatcher compares them; a folded title that
    // means two things in two languages means neither.
    private static void Add(Dictionary<(string Title, bool Cyrillic), OfferedAction?> byTitle, OfferedAction button)
    {
        var key = Key(button.Title);
        byTitle[key] = !byTitle.TryGetValue(key, out var known) ? button
            : known is not null && known.Action == button.Action && known.Argument == button.Argument ? known : null;
    }
}

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
    private readonly KnowledgeEngine _engine;

    public EarlierButtons(Localizer localizer, KnowledgeEngine engine)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        _engine = engine;
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
            Add(byTitle, new OfferedAction(localizer.Title(voice, "plan.menuButton"), FlowActions.Plan));
            Add(byTitle, new OfferedAction(localizer.Title(voice, "menu.counselor"), FlowActions.Counselor));
            Add(byTitle, new OfferedAction(localizer.Title(voice, "menu.back"), FlowActions.Menu));
            foreach (var category in TopicCategory.All)
            {
                Add(byTitle, new OfferedAction(localizer.Title(voice, $"menu.category.{category}"), FlowActions.Category, category));
            }
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
            : TopicTitled(title, turn.Language);
    }

    // A related topic of an earlier answer: its title in the conversation's language first, then in any (the chat may have
    // changed language since). The knowledge base is edited live, so the titles are read from the current catalog.
    private OfferedAction? TopicTitled(string title, string language)
    {
        var topics = _engine.Catalog.Topics;
        var topic = topics.FirstOrDefault(t => ButtonMatcher.ComparableTitle(t.TitleIn(language)) == title)
            ?? topics.FirstOrDefault(t => Language.All.Any(l => ButtonMatcher.ComparableTitle(t.TitleIn(l)) == title));
        return topic is null ? null : new OfferedAction(topic.TitleIn(language), FlowActions.Topic, topic.Id);
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

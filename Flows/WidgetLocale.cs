using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows;

/// <summary>
/// The conversation's language as a BCP 47 locale on every message the bot sends, so the web chat widget can follow
/// the bot (direction, strings, header) whichever side changed the language; other channels ignore it.
/// </summary>
public static class WidgetLocale
{
    /// <summary>The event the widget's own language menu posts: <c>{"type":"event","name":"setLanguage","value":"ar"}</c>.</summary>
    public const string SetLanguageEvent = "setLanguage";

    public static string Of(Voice voice) => voice.Language switch
    {
        Language.Slovenian => "sl-SI",
        Language.English => "en-US",
        Language.Albanian => "sq-AL",
        Language.Arabic => "ar-EG",
        Language.Bcs => voice.Cyrillic ? "hbs-Cyrl" : "hbs-Latn",
        _ => voice.Language,
    };

    /// <summary>Stamps the locale at send time, so a language chosen during the turn applies to that turn's replies.</summary>
    public static void Stamp(ITurnContext context, FlowTurn turn) =>
        OutgoingMessages.Stamp(context, message => turn.Data.Language is null ? message : message with { Locale = Of(turn.Voice) });
}

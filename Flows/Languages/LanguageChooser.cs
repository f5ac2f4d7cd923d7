using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Languages;

/// <summary>
/// The language chooser's buttons (the first message, /language, Change language): each language by its own name, and
/// Bosnian/Croatian/Serbian twice, in Latin and in Cyrillic, as the web chat's header offers it. Telegram and Viber
/// had one button for both scripts, so a Cyrillic reader got Cyrillic only by typing in it.
/// </summary>
public static class LanguageChooser
{
    /// <summary>The values of the two Bosnian/Croatian/Serbian buttons (the web chat widget's codes).</summary>
    public const string LatinBcs = "hbs-Latn";

    public const string CyrillicBcs = "hbs-Cyrl";

    private static readonly Voice CyrillicVoice = new(Language.Bcs, Cyrillic: true);

    /// <summary>
    /// The buttons, Arabic before the two long Bosnian/Croatian/Serbian ones: our Viber keyboard gives a title of up to
    /// 16 characters half a row (<c>ViberActivityMapper</c>), so the short names pair up (Slovenščina | English,
    /// Shqip | العربية) and the chooser stays four rows, as it was with five buttons. Viber shows a keyboard at most as
    /// tall as the phone's own and scrolls the rest: Arabic, last on a fifth row, could be the one out of sight.
    /// </summary>
    public static IReadOnlyList<OfferedAction> Buttons(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var bcs = localizer.Get(Language.Bcs, "language.name");
        return
        [
            .. Language.All.Where(l => l != Language.Bcs)
                .Select(l => new OfferedAction(localizer.Get(l, "language.name"), FlowActions.Language, l)),
            new OfferedAction(bcs, FlowActions.Language, LatinBcs),
            new OfferedAction(Localizer.RenderTitle(CyrillicVoice, bcs), FlowActions.Language, CyrillicBcs),
        ];
    }

    /// <summary>
    /// What a chooser button's value asks for, or null for a value that is no language. A bare <c>hbs</c> is the one
    /// button of choosers shown before there were two (kept with the buttons in stored state): the app's language
    /// (Telegram's language_code, Viber's phone language) picks its script, as it does when a chat opens.
    /// </summary>
    public static LanguageRequest? Read(string? value, string? appLocale) => value switch
    {
        LatinBcs => new LanguageRequest(Language.Bcs, Cyrillic: false),
        CyrillicBcs => new LanguageRequest(Language.Bcs, Cyrillic: true),
        _ when Language.Parse(value) is { } language => new LanguageRequest(language, language == Language.Bcs && IsCyrillicBcsApp(appLocale)),
        _ => null,
    };

    private static bool IsCyrillicBcsApp(string? locale) =>
        locale is not null && LanguageChoice.LanguageOfLocale(locale) == Language.Bcs && LanguageChoice.IsCyrillicLocale(locale);
}

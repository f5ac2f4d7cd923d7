namespace IntegrationBot.Flows.Tests.Support;

/// <summary>
/// Texts and keyboards the bot shows at many steps, copied literally from Flows/Localization as the bot renders them,
/// so that transcript tests read as the person sees the chat.
/// </summary>
public static class Said
{
    /// <summary>
    /// The first message and the /language reply: a line in each language, Arabic right-to-left. Each line is isolated
    /// (FSI … PDI) in its own direction: seen in Chromium, in a right-to-left chat the Latin lines' final colon showed
    /// on their left (":Izberite jezik"), in a left-to-right chat the Arabic line's on its right.
    /// </summary>
    public const string ChooseYourLanguage =
        "\u2068Pozdravljeni! Sem pomočnik pisarne Izhodiščna točka v Postojni. Izberite jezik:\u2069\n"
        + "\u2068Hello! I am the assistant of the Starting Point office in Postojna. Choose your language:\u2069\n"
        + "\u2068Përshëndetje! Jam asistenti i zyrës Pika e Nisjes në Postojnë. Zgjidhni gjuhën:\u2069\n"
        + "\u2068Zdravo! Ja sam asistent kancelarije Početna tačka u Postojni. Izaberite jezik:\u2069\n"
        + "\u2068\u200Fمرحبًا! أنا مساعد مكتب نقطة البداية في بوستوينا. اختر لغتك:\u2069";

    /// <summary>The chooser's buttons: Bosnian/Croatian/Serbian in Latin and in Cyrillic, after Arabic (Viber pairs the short names).</summary>
    public static readonly string[] Languages =
        ["Slovenščina", "English", "Shqip", "العربية", "Bosanski / Hrvatski / Srpski", "Босански / Хрватски / Српски"];

    public static readonly string[] EnglishMenu =
    [
        "My first steps", "Documents and residence", "Health", "Work", "Language and education", "Family and children",
        "Money and social help", "Housing", "Transport and driving", "Safety and emergencies", "The office", "Talk to a counselor",
    ];

    public static readonly string[] SlovenianMenu =
    [
        "Moji prvi koraki", "Dokumenti in prebivanje", "Zdravje", "Delo", "Jezik in izobraževanje", "Družina in otroci",
        "Denar in socialna pomoč", "Bivanje", "Prevoz in vožnja", "Varnost in nujni primeri", "Pisarna", "Pogovor s svetovalcem",
    ];
}

namespace IntegrationBot.Flows.Tests.Support;

/// <summary>
/// Texts and keyboards the bot shows at many steps, copied literally from Flows/Localization as the bot renders them,
/// so that transcript tests read as the person sees the chat.
/// </summary>
public static class Said
{
    /// <summary>The first message and the /language reply: a line in each language, Arabic right-to-left.</summary>
    public const string ChooseYourLanguage =
        "Pozdravljeni! Sem pomočnik pisarne Izhodiščna točka v Postojni. Izberite jezik:\n"
        + "Hello! I am the assistant of the Starting Point office in Postojna. Choose your language:\n"
        + "Përshëndetje! Jam asistenti i zyrës Pika e Nisjes në Postojnë. Zgjidhni gjuhën:\n"
        + "Zdravo! Ja sam asistent kancelarije Početna tačka u Postojni. Izaberite jezik:\n"
        + "\u200Fمرحبًا! أنا مساعد مكتب نقطة البداية في بوستوينا. اختر لغتك:";

    public static readonly string[] Languages = ["Slovenščina", "English", "Shqip", "Bosanski / Hrvatski / Srpski", "العربية"];

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

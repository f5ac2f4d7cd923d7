using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Telegram keeps the buttons of every earlier message. Found walking Telegram: in a Bosnian chat, [العربية] on the first
/// language chooser answered with the interpreters topic in Bosnian, and [Prihvatam] on the privacy notice already
/// accepted said "Nažalost, nemam dobar odgovor". A press of the chooser's or the notice's buttons means what it meant
/// when they were offered; typed, a language's name alone is still a question.
/// </summary>
public sealed class EarlierButtonsTests
{
    private static readonly string[] EnglishMenu =
    [
        "My first steps", "Documents and residence", "Health", "Work", "Language and education", "Family and children",
        "Money and social help", "Housing", "Transport and driving", "Safety and emergencies", "The office", "Talk to a counselor",
    ];

    private static readonly string[] BosnianMenu =
    [
        "Moji prvi koraci", "Dokumenti i boravak", "Zdravlje", "Posao", "Jezik i obrazovanje", "Porodica i djeca",
        "Novac i socijalna pomoć", "Stanovanje", "Prevoz i vožnja", "Sigurnost i hitni slučajevi", "Kancelarija",
        "Razgovor sa savjetnikom",
    ];

    private static readonly string[] CyrillicBosnianMenu =
    [
        "Моји први кораци", "Документи и боравак", "Здравље", "Посао", "Језик и образовање", "Породица и дјеца",
        "Новац и социјална помоћ", "Становање", "Превоз и вожња", "Сигурност и хитни случајеви", "Канцеларија",
        "Разговор са савјетником",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A tap on a button, as Telegram's callback query brings it: marked as a press.</summary>
    private static Activity Tap(FlowHarness bot, string title) => ButtonPress.Mark(bot.Adapter.MakeMessage(title));

    [Fact]
    public async Task A_language_on_the_first_chooser_tapped_after_an_answer_switches_the_language()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("kako otvoriti racun u banci").IgnoreReplies()
            .Send(Tap(bot, "English"))
            .AssertReply("I will write to you in English.", EnglishMenu)
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData(Language.Bcs, Language.Arabic)]
    [InlineData(Language.Arabic, Language.Slovenian)]
    [InlineData(Language.English, Language.Albanian)]
    [InlineData(Language.Slovenian, Language.Bcs)]
    [InlineData(Language.Albanian, Language.English)]
    public async Task Every_language_of_the_first_chooser_switches_from_every_other(string from, string to)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(from);
        await bot.SendAsync("/help");

        var replies = await bot.SendAsync(Tap(bot, bot.Title(to, "language.name")));

        Assert.Equal(bot.Text(to, "language.chosen"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Cyrillic_and_Latin_on_an_earlier_chooser_each_switch_to_their_own_script()
    {
        // The two buttons fold to the same letters; each means its own script.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync("/help");

        await bot.Flow()
            .Send(Tap(bot, "Босански / Хрватски / Српски"))
            .AssertReply("Писаћу вам на босанском/хрватском/српском.", CyrillicBosnianMenu)
            .Send(Tap(bot, "Bosanski / Hrvatski / Srpski"))
            .AssertReply("Pisaću vam na bosanskom/hrvatskom/srpskom.", BosnianMenu)
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_language_tapped_while_a_question_waits_switches_and_is_not_taken_as_the_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("kako otvoriti racun u banci").IgnoreReplies()
            .Send("👎 Ne").AssertReply("Šta ste tražili? Napišite u jednoj poruci (ili pritisnite Preskoči).", "Preskoči", "Razgovor sa savjetnikom")
            .Send(Tap(bot, "English"))
            .AssertReply("I will write to you in English.", EnglishMenu)
            .StartTestAsync(Ct);
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
    }

    [Fact]
    public async Task A_language_name_typed_alone_is_still_a_question()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        var replies = await bot.SendAsync("English");

        Assert.DoesNotContain(replies, r => r.Text == "I will write to you in English.");
    }

    [Fact]
    public async Task Accept_on_the_notice_already_accepted_thanks_and_shows_the_menu()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("kako otvoriti racun u banci").IgnoreReplies()
            .Send(Tap(bot, "Prihvatam"))
            .AssertReply("Hvala. Pitajte me bilo šta ili izaberite temu.")
            .AssertReply("Izaberite oblast:", BosnianMenu)
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Decline_on_the_notice_accepted_earlier_declines_as_the_notice_offered()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("kako otvoriti racun u banci").IgnoreReplies()
            .Send(Tap(bot, "Ne prihvatam"))
            .AssertReply(
                "U redu. Neću čuvati vaše poruke. I dalje možete postavljati pitanja, ali ne mogu predati razgovor savjetniku. To možete promijeniti sa /privacy.",
                BosnianMenu)
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Accept_of_a_notice_shown_in_another_language_accepts_in_the_language_chosen_since()
    {
        // Greeted in English by the phone's language, the person chose Bosnian, then tapped the first notice's Accept.
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync("en");
        await bot.SendAsync("🌐 Change language");
        await bot.SendAsync("Bosanski / Hrvatski / Srpski");

        await bot.Flow()
            .Send(Tap(bot, "Accept"))
            .AssertReply("Hvala. Pitajte me bilo šta ili izaberite temu.")
            .AssertReply("Izaberite oblast:", BosnianMenu)
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Accept_in_Cyrillic_on_the_notice_already_accepted_is_understood()
    {
        var cyrillic = new Voice(Language.Bcs, Cyrillic: true);
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync("sr");
        await bot.SendAsync(bot.Localizer.Title(cyrillic, "privacy.accept"));
        await bot.SendAsync("/help");

        var replies = await bot.SendAsync(Tap(bot, bot.Localizer.Title(cyrillic, "privacy.accept")));

        Assert.Equal(bot.Localizer.Say(cyrillic, "privacy.accepted"), replies[0].Text);
    }
}

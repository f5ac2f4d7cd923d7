using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class ConversationTests
{
    public static TheoryData<string, string> BankQuestions => new()
    {
        { Language.Albanian, "si te hap nje llogari bankare" },
        { Language.English, "how do I open a bank account" },
        { Language.Slovenian, "kako odprem bancni racun" },
        { Language.Bcs, "kako da otvorim racun u banci" },
        { Language.Arabic, "كيف افتح حساب بنكي" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_contact_greets_in_all_five_languages_with_a_button_per_language_and_Cyrillic_beside_Latin()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Open()
            .AssertReply(Said.ChooseYourLanguage, "Slovenščina", "English", "Shqip", "العربية", "Bosanski / Hrvatski / Srpski", "Босански / Хрватски / Српски")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("sr-Cyrl")]
    [InlineData("hbs-Cyrl")]
    [InlineData("bs-Cyrl-BA")]
    public async Task A_chat_opened_in_cyrillic_is_answered_in_cyrillic_from_the_first_message(string locale)
    {
        await using var bot = FlowHarness.Create();

        var replies = await bot.OpenAsync(locale);

        // The widget follows the bot's script: a first message in Latin turned a Cyrillic page Latin.
        var notice = replies[0].Text!;
        Assert.Equal(bot.Localizer.Say(new Voice(Language.Bcs, Cyrillic: true), "privacy.notice", new Dictionary<string, string> { ["retentionDays"] = "90" }), notice);
        Assert.Equal("hbs-Cyrl", replies[0].Locale);
    }

    [Theory]
    [MemberData(nameof(BankQuestions))]
    public async Task Choose_language_accept_privacy_ask_then_thumbs_down_asks_what_was_missing_and_offers_a_counselor(string language, string question)
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();

        var privacy = await bot.SendAsync(bot.Title(language, "language.name"));
        Assert.Equal(bot.Text(language, "privacy.notice", new Dictionary<string, string> { ["retentionDays"] = "90" }), Assert.Single(privacy).Text);
        Assert.Equal([bot.Title(language, "privacy.accept"), bot.Title(language, "privacy.readMore"), bot.Title(language, "privacy.decline")], privacy[0].Buttons());

        var accepted = await bot.SendAsync(bot.Title(language, "privacy.accept"));
        Assert.Equal(bot.Text(language, "privacy.accepted"), accepted[0].Text);
        Assert.Equal(bot.Text(language, "menu.prompt"), accepted[^1].Text);
        Assert.Equal(IntegrationBot.Knowledge.Content.TopicCategory.All.Count + 2, accepted[^1].Buttons().Count); // my first steps + categories + counselor
        Assert.Equal(bot.Title(language, "plan.menuButton"), accepted[^1].Buttons()[0]);
        Assert.Contains(bot.Title(language, "menu.category.transport"), accepted[^1].Buttons());
        Assert.Equal(bot.Title(language, "menu.counselor"), accepted[^1].Buttons()[^1]);

        var answer = await bot.SendAsync(question);
        Assert.Equal(bot.AnswerOf("bank-account", new Voice(language)), FlowHarness.AnswerText(answer));
        Assert.Contains(bot.Title(language, "answer.helpfulNo"), answer.LastButtons());
        Assert.Contains(bot.Title(language, "menu.counselor"), answer.LastButtons());

        var askMissing = await bot.SendAsync(bot.Title(language, "answer.helpfulNo"));
        Assert.Equal(bot.Text(language, "feedback.askMissing"), Assert.Single(askMissing).Text);
        Assert.Equal([bot.Title(language, "feedback.skip"), bot.Title(language, "menu.counselor")], askMissing[0].Buttons());

        var recorded = await bot.SendAsync("IBAN");
        Assert.Equal(bot.Text(language, "feedback.recorded"), Assert.Single(recorded).Text);
        Assert.Contains(bot.Title(language, "menu.counselor"), recorded[0].Buttons());

        var feedback = Assert.Single(await bot.Unanswered.RecentAsync(10, Ct));
        Assert.Equal(UnansweredKind.NegativeFeedback, feedback.Kind);
        Assert.Equal("bank-account", feedback.Topic);
        Assert.Contains("IBAN", feedback.Text);
        Assert.Equal(language, feedback.Language);
    }

    [Theory]
    [MemberData(nameof(BankQuestions))]
    public async Task A_first_message_that_is_a_question_is_answered_in_its_language_with_a_change_language_button(string language, string question)
    {
        await using var bot = FlowHarness.Create();
        var replies = await bot.SendAsync(question, locale: null);

        Assert.Equal(bot.AnswerOf("bank-account", new Voice(language)), FlowHarness.AnswerText(replies));
        Assert.Contains(bot.Title(language, "language.changeButton"), replies.LastButtons());
        Assert.DoesNotContain(replies, r => r.Text == bot.Text(language, "menu.prompt"));
    }

    [Theory]
    [InlineData(Language.English, "Hello!")]
    [InlineData(Language.Slovenian, "dober dan")]
    [InlineData(Language.Bcs, "dobar dan")]
    [InlineData(Language.Albanian, "miredita")]
    [InlineData(Language.Arabic, "السلام عليكم")]
    public async Task A_first_message_that_is_only_a_greeting_is_greeted_back_with_the_menu(string language, string greeting)
    {
        await using var bot = FlowHarness.Create();
        var replies = await bot.SendAsync(greeting, locale: null);

        var reply = Assert.Single(replies);
        Assert.Equal(bot.Text(language, "greeting.reply"), reply.Text);
        Assert.Contains(bot.Title(language, "menu.category.documents"), reply.Buttons());
        Assert.Contains(bot.Title(language, "menu.counselor"), reply.Buttons());
        Assert.Equal(bot.Title(language, "language.changeButton"), reply.Buttons()[^1]);
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
    }

    [Theory]
    [InlineData("Zdravo")]
    [InlineData("zdravo!")]
    [InlineData("Здраво")]
    [InlineData("dobro jutro")]
    [InlineData("hej")]
    public async Task A_first_greeting_shared_by_languages_gets_only_the_language_choice(string greeting)
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Open().IgnoreReplies()
            .Send(greeting, locale: null)
            .AssertReply(Said.ChooseYourLanguage, Said.Languages)
            .AssertNoReply()
            .Send("Bosanski / Hrvatski / Srpski")
            .AssertReply(
                "Prije nego počnemo: vaše poruke i izabrani jezik čuvam 90 dana, da bih vam mogao pomoći i da savjetnik vidi razgovor ako ga zatražite. Vide ga samo savjetnici kancelarije Početna tačka, i to samo kada tražite razgovor sa savjetnikom. Sve možete izbrisati u bilo kojem trenutku komandom /delete.",
                "Prihvatam", "Pročitaj više", "Ne prihvatam")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_shared_greeting_with_a_locale_of_one_of_its_languages_gets_the_menu_in_that_language()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Send("Zdravo", locale: "bs-BA")
            .AssertReply(
                "Zdravo! Odgovaram na pitanja o životu u Postojni: dokumenti i boravak, zdravlje, posao, škola i kursevi jezika, stanovanje i drugo. Napišite pitanje svojim riječima ili izaberite oblast:",
                "Moji prvi koraci", "Dokumenti i boravak", "Zdravlje", "Posao", "Jezik i obrazovanje", "Porodica i djeca", "Novac i socijalna pomoć",
                "Stanovanje", "Prevoz i vožnja", "Sigurnost i hitni slučajevi", "Kancelarija", "Razgovor sa savjetnikom", "🌐 Promijeni jezik")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_greeting_mid_conversation_is_greeted_back_in_the_conversation_language_and_script()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("Добар дан")
            .AssertReply("Здраво! Одговарам на питања о животу у Постојни: документи и боравак, здравље, посао, школа и курсеви језика, становање и друго. Напишите питање својим ријечима или изаберите област:")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
    }

    [Theory]
    [InlineData(Language.English, "thank you very much")]
    [InlineData(Language.Slovenian, "hvala lepa")]
    [InlineData(Language.Bcs, "hvala puno")]
    [InlineData(Language.Albanian, "faleminderit")]
    [InlineData(Language.Arabic, "شكرا")]
    public async Task Thanks_after_an_answer_gets_you_are_welcome_not_no_answer(string language, string thanks)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        await bot.SendAsync(bot.Title(language, "menu.category.money"));

        var replies = await bot.SendAsync(thanks);

        var reply = Assert.Single(replies);
        Assert.Equal(bot.Text(language, "thanks.reply"), reply.Text);
        Assert.Equal([bot.Title(language, "menu.back")], reply.Buttons());
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
    }

    [Theory]
    [InlineData("ok thanks")]
    [InlineData("good morning")]
    public async Task Small_talk_in_another_language_does_not_ask_to_switch_the_language(string text)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send(text)
            .AssertReplyOneOf(
                "Ni za kaj! Pišite mi kadarkoli, ko imate novo vprašanje.",
                "Pozdravljeni! Odgovarjam na vprašanja o življenju v Postojni: dokumenti in prebivanje, zdravje, delo, šola in tečaji jezika, stanovanje in drugo. Napišite vprašanje s svojimi besedami ali izberite področje:")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_greeting_in_front_of_a_question_still_gets_the_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("hello, how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new Voice(Language.English)), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("ar-EG", Language.Arabic)]
    [InlineData("sl-SI", Language.Slovenian)]
    [InlineData("en-US", Language.English)]
    [InlineData("sq-AL", Language.Albanian)]
    [InlineData("hr-HR", Language.Bcs)]
    public async Task A_web_chat_locale_chooses_the_language_and_goes_straight_to_the_privacy_notice(string locale, string language)
    {
        await using var bot = FlowHarness.Create();
        var replies = await bot.OpenAsync(locale);

        Assert.Equal(bot.Text(language, "privacy.notice", new Dictionary<string, string> { ["retentionDays"] = "90" }), Assert.Single(replies).Text);
        Assert.Equal(bot.Title(language, "privacy.accept"), replies[0].Buttons()[0]);
    }

    [Fact]
    public async Task A_cyrillic_hbs_question_gets_a_cyrillic_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("како да отворим рачун у банци")
            .AssertReplies(replies =>
            {
                Assert.StartsWith("Рачун отварате лично у пословници банке.", replies[0].Text, StringComparison.Ordinal);
                Assert.Equal(bot.AnswerOf("bank-account", new Voice(Language.Bcs, Cyrillic: true)), FlowHarness.AnswerText(replies));
                Assert.Equal("Да ли вам је ово помогло?", replies[^1].Text);
            })
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_button_title_typed_in_cyrillic_turns_the_conversation_cyrillic()
    {
        // Viber and Telegram keyboards send the title back; a person who types it in Cyrillic (or taps a Cyrillic
        // keyboard they were shown) writes in Cyrillic, and the privacy answer, the menu and the plan follow.
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();
        await bot.SendAsync("Bosanski / Hrvatski / Srpski");

        await bot.Flow()
            .Send("Прихватам")
            .AssertReply("Хвала. Питајте ме било шта или изаберите тему.")
            .AssertReplies(menu => Assert.Equal("Моји први кораци", menu[0].Buttons()[0]))
            .Send("Моји први кораци")
            .AssertReplies(intake => Assert.Contains("Западни Балкан", intake[^1].Buttons()))
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_topic_with_details_offers_more_details_and_every_answer_offers_its_sources()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        // The short answer first, with its official sources as links and no [n] markers; the details one tap away.
        await bot.Flow()
            .Send("Work permit")
            .AssertReplies(answer =>
            {
                var text = FlowHarness.AnswerText(answer);
                Assert.Contains("Source:", text, StringComparison.Ordinal);
                Assert.Contains("https://www.ess.gov.si/delodajalci/zaposlovanje-tujcev-iz-tretjih-drzav/enotno-dovoljenje/", text, StringComparison.Ordinal);
                Assert.DoesNotContain("[1]", text, StringComparison.Ordinal);
                Assert.DoesNotContain("pisna odobritev", text, StringComparison.Ordinal);
                Assert.Equal("Was this helpful?", answer[^1].Text);
                Assert.Equal("More details", answer[^1].Buttons()[0]);
            })
            .Send("More details")
            .AssertReplies(details =>
            {
                var text = FlowHarness.AnswerText(details);
                Assert.Contains("pisna odobritev", text, StringComparison.Ordinal);
                Assert.Contains("https://www.ess.gov.si/delodajalci/zaposlovanje-tujcev-iz-tretjih-drzav/enotno-dovoljenje/zaposlitev-podaljsanje-ali-zamenjava/", text, StringComparison.Ordinal);
                Assert.DoesNotContain("More details", details[^1].Buttons());
                Assert.Contains("👍 Yes", details[^1].Buttons());
            })
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task An_unconfirmed_institution_is_never_shown_as_a_fact_but_sends_the_person_to_the_office()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("Residence permit").IgnoreReplies()
            .Send("More details")
            .AssertReplies(replies =>
            {
                var details = FlowHarness.AnswerText(replies);
                Assert.DoesNotContain("{dir.", details, StringComparison.Ordinal);
                Assert.Contains("For the address, opening hours and phone of Administrative Unit Postojna (Upravna enota Postojna), ask", details, StringComparison.Ordinal);
            })
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Menu_category_shows_its_topics_and_a_topic_button_shows_the_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("Money and social help")
            .AssertReply("Money and social help: choose a topic", "Bank account", "Phone and SIM card", "Social assistance", "Back to menu")
            .AssertNoReply()
            .Send("Bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new Voice(Language.English)), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Nothing_fits_says_so_offers_menu_and_counselor_and_records_the_question()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("what is the airspeed velocity of an unladen swallow")
            .AssertReply(
                "Sorry, I do not have a good answer to that question. You can choose a topic from the menu or talk to a counselor.",
                "Back to menu", "Talk to a counselor")
            .AssertNoReply()
            .StartTestAsync(Ct);
        var logged = Assert.Single(await bot.Unanswered.RecentAsync(10, Ct));
        Assert.Equal(UnansweredKind.NoMatch, logged.Kind);
    }

    [Fact]
    public async Task A_sensitive_topic_always_offers_a_counselor()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        var sensitive = bot.Catalog.Topics.First(t => t.IsSensitive && !t.IsEmergency);

        var replies = await bot.SendAsync(sensitive.TitleIn(Language.English));
        var last = replies[^1];
        if (last.Text == "Did you mean one of these?")
        {
            replies = await bot.SendAsync(sensitive.TitleIn(Language.English));
            last = replies[^1];
        }

        Assert.StartsWith("If you want, a counselor can help you personally.", last.Text);
        Assert.Contains("Talk to a counselor", last.Buttons());
    }
}

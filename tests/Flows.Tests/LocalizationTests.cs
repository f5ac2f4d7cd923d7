using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class LocalizationTests
{
    private static readonly Localizer Strings = Localizer.LoadEmbedded();

    public static TheoryData<string> Languages => [.. Language.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_exists_and_is_not_empty_in_every_language(string language)
    {
        var english = Strings.KeysOf(Language.English).ToHashSet();
        var keys = Strings.KeysOf(language).ToHashSet();
        Assert.Empty(english.Except(keys));
        Assert.Empty(keys.Except(english));
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(Strings.Find(language, key)), $"{language}: '{key}' is empty"));
    }

    // Seen in the web chat journey (office closed): "Urad je zdaj zaprt" and right after it "Pisarna je zdaj zaprta", as
    // if two places were closed; in hbs "Ured je sada zatvoren" next to "Kancelarija je sada zatvorena". The Starting
    // Point office is "pisarna" in every Slovene string and "kancelarija" in every hbs one.
    [Theory]
    [InlineData(Language.Slovenian, @"\b[Uu]rad\b")]
    [InlineData(Language.Bcs, @"\b[Uu]red\b")]
    public void The_strings_call_the_office_by_one_word_throughout(string language, string otherWord)
    {
        var other = Strings.KeysOf(language)
            .Where(key => System.Text.RegularExpressions.Regex.IsMatch(Strings.Find(language, key)!, otherWord))
            .ToList();

        Assert.Empty(other);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Placeholders_are_the_same_as_in_english(string language)
    {
        foreach (var key in Strings.KeysOf(Language.English))
        {
            var expected = Localizer.PlaceholdersOf(Strings.Find(Language.English, key)!);
            var actual = Localizer.PlaceholdersOf(Strings.Find(language, key)!);
            Assert.True(expected.SetEquals(actual), $"{language}: '{key}' has {{{string.Join(",", actual)}}} but English has {{{string.Join(",", expected)}}}");
        }
    }

    [Fact]
    public void Named_placeholders_are_filled()
    {
        var text = Strings.Get(Language.English, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "2", ["wait"] = "20" });
        Assert.Contains("number 2 in line", text);
        Assert.Contains("about 20 minutes", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void Cyrillic_hbs_text_is_transliterated_but_commands_stay_typeable()
    {
        var text = Strings.Say(new Voice(Language.Bcs, Cyrillic: true), "privacy.declined");
        Assert.Contains("/privacy", text);
        Assert.Contains("можете", text, StringComparison.Ordinal);
        Assert.DoesNotContain("možete", text, StringComparison.Ordinal);
    }

    // Seen in Chromium: "Писаћу вам на босанском/hrvatskom/srpskom." – a word after a slash was kept Latin as if it
    // were a command such as /delete.
    [Fact]
    public void Cyrillic_hbs_transliterates_words_after_a_slash_and_keeps_only_commands_latin()
    {
        var text = Strings.Say(new Voice(Language.Bcs, Cyrillic: true), "language.chosen");

        Assert.Contains("босанском/хрватском/српском", text, StringComparison.Ordinal);
        Assert.Contains("/delete", Strings.Say(new Voice(Language.Bcs, Cyrillic: true), "privacy.notice"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الرمز البريدي ZIP: 6230", "\u200Fالرمز البريدي \u2066ZIP\u2069: \u20666230\u2069")]
    [InlineData("الرمز (ZIP): 60", "\u200Fالرمز (\u2066ZIP\u2069): \u206660\u2069")]
    [InlineData("الموعد 10:30 في Postojna.", "\u200Fالموعد \u206610:30\u2069 في \u2066Postojna\u2069.")]
    public void Punctuation_around_an_isolated_latin_run_stays_outside_it(string text, string expected)
    {
        Assert.Equal(expected, BidiText.IsolateForRightToLeft(text));
    }

    // Seen in Chromium: the isolate ended before a web address's closing "/", so the link lost it and the "/" showed
    // on the far side of the link; and before the ")" of "(Občina Postojna)", which then showed as "Postojna))".
    [Theory]
    [InlineData("المصدر:\nhttps://www.gov.si/en/topics/emergency-call/", "\u200Fالمصدر:\n\u2066https://www.gov.si/en/topics/emergency-call/\u2069")]
    [InlineData("انظر https://infotujci.si/drzavljani-tretjih-drzav/.", "\u200Fانظر \u2066https://infotujci.si/drzavljani-tretjih-drzav/\u2069.")]
    [InlineData("انظر (https://www.postojna.si/)", "\u200Fانظر (\u2066https://www.postojna.si/\u2069)")]
    [InlineData("يساعدك Starting Point Postojna (Občina Postojna).", "\u200Fيساعدك \u2066Starting Point Postojna (Občina Postojna)\u2069.")]
    public void A_web_address_and_a_bracket_the_run_opened_stay_inside_the_isolate(string text, string expected)
    {
        Assert.Equal(expected, BidiText.IsolateForRightToLeft(text));
    }

    // Seen in Chromium (web chat journey): the Arabic /help listed "menu/", "language/": the slash stayed outside the
    // isolate and showed on the far side of the command. A command's slash is part of it; other slashes are not.
    [Theory]
    [InlineData("الأوامر:\n/menu – المواضيع", "\u200Fالأوامر:\n\u2066/menu\u2069 – المواضيع")]
    [InlineData("يمكنك حذف كل شيء بكتابة /delete.", "\u200Fيمكنك حذف كل شيء بكتابة \u2066/delete\u2069.")]
    [InlineData("أو/و Postojna", "\u200Fأو/و \u2066Postojna\u2069")]
    public void A_command_keeps_its_slash_inside_the_isolate(string text, string expected)
    {
        Assert.Equal(expected, BidiText.IsolateForRightToLeft(text));
    }

    // Seen in Chromium (the plan's asylum step, PIC's phone): "+386 69 707 150" was isolated without its "+", which
    // then showed on the far side of the number. A phone number's "+" is part of it; a "+" between words is not.
    [Theory]
    [InlineData("للتواصل: +386 69 707 150، pic@pic.si", "\u200Fللتواصل: \u2066+386 69 707 150\u2069، \u2066pic@pic.si\u2069")]
    [InlineData("اتصل على +386 69 707 150", "\u200Fاتصل على \u2066+386 69 707 150\u2069")]
    [InlineData("أ + ب", "\u200Fأ + ب")]
    public void A_phone_number_keeps_its_plus_inside_the_isolate(string text, string expected)
    {
        Assert.Equal(expected, BidiText.IsolateForRightToLeft(text));
    }

    [Fact]
    public void Arabic_text_starts_right_to_left_and_isolates_numbers_and_latin_names()
    {
        var text = BidiText.IsolateForRightToLeft("اتصل بالرقم 080 11 55 أو بمكتب Starting Point");
        Assert.Equal("\u200Fاتصل بالرقم \u2066080 11 55\u2069 أو بمكتب \u2066Starting Point\u2069", text);
        Assert.Equal("اتصل بالرقم 080 11 55 أو بمكتب Starting Point", BidiText.Strip(text));
    }

    [Fact]
    public void Arabic_emergency_numbers_are_isolated_so_they_keep_their_order()
    {
        var text = Strings.Say(new Voice(Language.Arabic), "emergency.message");
        Assert.StartsWith("\u200F", text);
        Assert.Contains("\u2066112\u2069", text);
        Assert.Contains("\u2066080 11 55\u2069", text);
        Assert.Contains("\u2066SOS\u2069", text);
    }

    [Fact]
    public void Other_languages_are_sent_unchanged()
    {
        Assert.Equal(Strings.Get(Language.Slovenian, "emergency.message"), Strings.Say(new Voice(Language.Slovenian), "emergency.message"));
    }
}

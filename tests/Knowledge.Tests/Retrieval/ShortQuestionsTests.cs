using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Questions of a word or two as people type them on a phone (no diacritics, a slip, Cyrillic, Arabic with and without the
/// article), found misrouted by walking the product against the shipped knowledge base.
/// </summary>
public sealed class ShortQuestionsTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    // "work" alone asked "Did you mean…" between finding a job and the work permit (0.394 against 0.377: the permit's many
    // samples say "work"), "i want work" offered the work permit first, and "عمل" / "العمل" was answered with the work
    // permit. A question that is one word, and that word a topic's keyword, now earns half as much again of the keyword
    // bonus; "عمل" is finding a job's keyword (inside "تصريح عمل" or "ساعات العمل" the longer keyword decides).
    [Theory]
    [InlineData("work")]
    [InlineData("Work")]
    [InlineData("i need work")]
    [InlineData("i want work")]
    [InlineData("work in postojna")]
    [InlineData("delo")]
    [InlineData("punë")]
    [InlineData("pune")]
    [InlineData("posao")]
    [InlineData("рад")]
    [InlineData("посао")]
    [InlineData("عمل")]
    [InlineData("العمل")]
    [InlineData("أريد عمل")]
    [InlineData("بدي عمل")]
    public void Work_typed_alone_is_finding_a_job(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("job-search", Decision.Answer), (result.Topic, result.Decision));
    }

    // "delo v Postojni" and "rad u postojni" (work in Postojna) were answered with the offices in Postojna, whose samples
    // say "v Postojni" again and again: "postojni", unlike "postojna", was counted as a word about the topic, so the keyword
    // "delo" earned half its bonus. A filler's other cases are fillers now, and finding a job has a sample for each.
    // (Arabic "عمل في بوستوينا" still gets the offices: a keyword or sample for it cost two held-out Arabic questions.)
    [Theory]
    [InlineData("delo v Postojni")]
    [InlineData("delo v postojni")]
    [InlineData("rad u postojni")]
    [InlineData("рад у постојни")]
    [InlineData("posao u Postojni")]
    [InlineData("punë në Postojnë")]
    [InlineData("work in Postojna")]
    public void Work_in_Postojna_is_finding_a_job(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("job-search", Decision.Answer), (result.Topic, result.Decision));
    }

    // Registering at the employment service was answered with registering one's address ("prijava na zrsz", "kako se
    // prijavim na zrsz", "regjistrim ne zrsz", "التسجيل في ZRSZ": "prijava", "regjistrim" and "تسجيل" are that topic's
    // words) or asked between opening a company, the tax number and the address ("how do I register at ZRSZ", "register
    // zrsz"). Finding a job says who may register as unemployed at ZRSZ; it now has keywords and samples for it.
    [Theory]
    [InlineData("prijava na zrsz")]
    [InlineData("Prijava na ZRSZ")]
    [InlineData("kako se prijavim na zrsz")]
    [InlineData("пријава на ЗРСЗ")]
    [InlineData("how do I register at ZRSZ")]
    [InlineData("how to register at zrsz")]
    [InlineData("register zrsz")]
    [InlineData("regjistrim ne zrsz")]
    [InlineData("regjistrohem në ZRSZ")]
    [InlineData("التسجيل في ZRSZ")]
    [InlineData("تسجيل في zrsz")]
    [InlineData("كيف التسجيل في ZRSZ")]
    public void Registering_at_the_employment_service_is_finding_a_job(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("job-search", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("uradi v postojni")]
    [InlineData("naslov urada ZRSZ v postojni")]
    [InlineData("adrese ureda u postojni")]
    [InlineData("عناوين المكاتب في بوستوينا")]
    public void The_offices_in_Postojna_stay_the_offices(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("local-offices", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("work permit", "work-permit")]
    [InlineData("تصريح عمل", "work-permit")]
    [InlineData("تصريح العمل", "work-permit")]
    [InlineData("ساعات العمل", "office-contact")]
    [InlineData("مركز العمل الاجتماعي", "social-assistance")]
    public void Work_inside_a_longer_keyword_keeps_that_keyword_s_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // "مكتبة" (library), with or without the article, was answered with our office: its ة folds to ه, which was taken for
    // the suffix "his", and what was left, "مكتب", is "office".
    [Theory]
    [InlineData("مكتبة")]
    [InlineData("المكتبة")]
    [InlineData("مكتبه")]
    [InlineData("وين المكتبة")]
    [InlineData("أين المكتبة")]
    [InlineData("مكتبات")]
    public void The_library_in_Arabic_is_the_library(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("leisure-culture", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("مكتب")]
    [InlineData("المكتب")]
    [InlineData("وين مكتبكم")]
    public void The_office_in_Arabic_stays_the_office(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("office-contact", Decision.Answer), (result.Topic, result.Decision));
    }

    // "csd" alone asked "Did you mean…" between the offices, social assistance and the kindergarten (0.461, 0.443, 0.393),
    // although "zrsz" alone and "where is csd" were the offices answer, which names the CSD with its entry.
    [Theory]
    [InlineData("csd")]
    [InlineData("CSD")]
    public void The_social_work_centre_named_alone_is_the_offices_answer(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("local-offices", Decision.Answer), (result.Topic, result.Decision));
    }

    // "zdravstvena izkaznica", what many still call the health insurance card, was answered with the identity card
    // ("izkaznica" is its keyword); "vazhdim i lejes" (extending the permit) with the work permit ("lejes").
    [Theory]
    [InlineData("zdravstvena izkaznica", "health-insurance")]
    [InlineData("zdravstveno izkaznico", "health-insurance")]
    [InlineData("vazhdim i lejes", "residence-permit")]
    [InlineData("vazhdimi i lejes", "residence-permit")]
    // "توجيه مهني" (vocational guidance, the common Arabic name) was answered with the recognition of diplomas ("مهني" is
    // near its "مهنة", profession); the career-guidance topic knew only "التوجيه الوظيفي".
    [InlineData("توجيه مهني", "career-guidance")]
    [InlineData("التوجيه المهني", "career-guidance")]
    public void A_common_name_for_a_thing_finds_its_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // Four-letter slips got no answer at all ("bnak", "falt"): only words of five letters were put right. "wrok" is in a
    // work-permit sample ("wrok permit cost"), so it was no unknown word and alone it found nothing.
    [Theory]
    [InlineData("bnak", "bank-account")]
    [InlineData("falt", "housing")]
    [InlineData("wrok", "job-search")]
    public void A_four_letter_slip_offers_the_meant_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Clarify), (result.Topic, result.Decision));
    }

    // Without the article "بلدية" (municipality) got no answer and "البطاقة" asked back: a first ب was taken for the prefix
    // "in" ("بلدية" became "لدي", "I have"), while with the article it stayed, so the two forms were different words.
    [Theory]
    [InlineData("بلدية", "local-offices")]
    [InlineData("وين بلدية", "local-offices")]
    [InlineData("البلدية", "local-offices")]
    [InlineData("البطاقة", "identity-card")]
    [InlineData("بطاقة", "identity-card")]
    public void An_Arabic_word_is_the_same_with_and_without_the_article(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // Football and the cave got no answer in any language ("مغارة" is how Postojna's cave is called in Arabic); the leisure
    // answer has the cave and says to ask the office about sports clubs.
    [Theory]
    [InlineData("football")]
    [InlineData("nogomet")]
    [InlineData("fudbal")]
    [InlineData("фудбал")]
    [InlineData("futboll")]
    [InlineData("كرة القدم")]
    [InlineData("مغارة")]
    [InlineData("مغارة بوستوينا")]
    public void Football_and_the_cave_are_leisure(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("leisure-culture", Decision.Answer), (result.Topic, result.Decision));
    }

    // "osebna" (short for the identity card, "osebna izkaznica") and "osebno" were taken for a request for a human: the
    // whole-message cue "oseb*" meant "osebo", a person. A person typed alone still is one.
    [Theory]
    [InlineData("osebna")]
    [InlineData("osebno")]
    [InlineData("osebni")]
    public void Personal_in_Slovenian_is_the_identity_card_not_a_request_for_a_person(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("identity-card", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("osebo prosim")]
    [InlineData("oseba")]
    [InlineData("osebe")]
    [InlineData("želim osebo")]
    public void A_person_asked_for_alone_is_still_a_request_for_a_human(string question) =>
        Assert.Equal(Decision.Handoff, Engine.Ask(question).Decision);

    // A career counselor is what the career-guidance topic is about, but "karierni svetovalec", "career counselor",
    // "karijerni savjetnik", "keshilltar karriere" and "مستشار مهني" were taken for a request for a human (the cues
    // "svetoval*", "counselor*", "savjetnik*", "keshilltar*", "مستشار*"): the person was offered the office's counselor.
    // The word for career before (or after) the cue now excludes it.
    [Theory]
    [InlineData("karierni svetovalec")]
    [InlineData("karierna svetovalka")]
    [InlineData("rabim kariernega svetovalca")]
    [InlineData("career counselor")]
    [InlineData("i need a career counsellor")]
    [InlineData("karijerni savjetnik")]
    [InlineData("каријерни саветник")]
    [InlineData("кариерни саветник")]
    [InlineData("karierni savjetnik")]
    [InlineData("keshilltar karriere")]
    [InlineData("مستشار مهني")]
    [InlineData("مستشار وظيفي")]
    public void A_career_counselor_is_career_guidance_not_a_request_for_a_person(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("career-guidance", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("svetovalec")]
    [InlineData("svetovalca prosim")]
    [InlineData("counselor please")]
    [InlineData("talk to a counselor")]
    [InlineData("treba mi savjetnik")]
    [InlineData("саветник")]
    [InlineData("dua nje keshilltar")]
    [InlineData("بدي مستشار")]
    public void A_counselor_asked_for_alone_is_still_a_request_for_a_human(string question) =>
        Assert.Equal(Decision.Handoff, Engine.Ask(question).Decision);

    // "UE", the short name everyone uses for the upravna enota, got no answer alone ("upravna enota" was the offices answer);
    // "كراء" (rent, as it is said in North Africa) got none either.
    [Theory]
    [InlineData("ue", "local-offices")]
    [InlineData("UE", "local-offices")]
    [InlineData("kje je ue", "local-offices")]
    [InlineData("гдје је УЕ", "local-offices")]
    [InlineData("كراء", "housing")]
    [InlineData("كراء شقة", "housing")]
    // "opština", the municipality as Serbs and Bosnians say it (the content knew the Croatian "općina"), got no answer,
    // in Cyrillic too.
    [InlineData("opstina", "local-offices")]
    [InlineData("opština", "local-offices")]
    [InlineData("општина", "local-offices")]
    [InlineData("gdje je opstina", "local-offices")]
    [InlineData("где је општина", "local-offices")]
    public void A_short_name_people_use_finds_its_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }
}

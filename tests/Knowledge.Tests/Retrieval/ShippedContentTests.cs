using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>A few realistic questions against the shipped knowledge base (the full check is kb eval).</summary>
public sealed class ShippedContentTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("kje lahko odprem bancni racun", "bank-account", "sl")]
    [InlineData("how do i register my address", "address-registration", "en")]
    [InlineData("si mund te gjej pune", "job-search", "sq")]
    [InlineData("gdje da upišem dijete u vrtić", "kindergarten", "hbs")]
    [InlineData("كيف احصل على الرقم الضريبي", "tax-number", "ar")]
    public void Typical_questions_find_their_topic_and_language(string question, string topic, string language)
    {
        var result = Engine.Ask(question);
        Assert.Equal(topic, result.Topic);
        Assert.Equal(language, result.Language);
    }

    // Where the health centre is: the doctor topic (it has ZD Postojna's address), not health insurance, which shares
    // "zdravstven-" / "shëndet-" / "صحي" / "health" with it and won before (found by journey passes).
    [Theory]
    [InlineData("kje je zdravstveni dom")]
    [InlineData("ku është qendra shëndetësore")]
    [InlineData("gdje je dom zdravlja")]
    [InlineData("أين المركز الصحي")]
    [InlineData("where is the health centre")]
    [InlineData("where is the health center")]
    [InlineData("health centre address")]
    [InlineData("where is the helth center")]
    [InlineData("where is the health centre in postojna")]
    public void Asking_where_the_health_centre_is_finds_the_doctor_topic(string question) =>
        Assert.Equal("doctor", Engine.Ask(question).Topic);

    // Yet "where is the health centre" was answered only 0.002 over the margin, "kje je zdravstveni dom" 0.006, and "where is
    // the health center" asked "Did you mean…": the keyword "health centre" earned 2/5 of the bonus, as if "where", "is"
    // and "the" were words about a topic. Words most topics use no longer make a question longer.
    [Theory]
    [InlineData("where is the health centre")]
    [InlineData("where is the health center")]
    [InlineData("kje je zdravstveni dom")]
    [InlineData("أين المركز الصحي")]
    public void Asking_where_the_health_centre_is_is_answered_with_a_clear_lead(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
        var lead = result.Candidates[0].Score - result.Candidates[1].Score;
        Assert.True(lead >= 2 * Engine.Options.AnswerMargin, $"doctor leads {result.Candidates[1].Topic} by {lead:0.000}");
    }

    // Leads that held by a hair: "kje je zdravstveni dom" led health insurance by 0.0815 where the test above asks 0.08,
    // "where is the health center" by 0.089 (0.081 after 84728e5), "i want work" the work permit by 0.043 where an answer
    // needs 0.04 (ShortQuestionsTests); a sample added to any topic could tip them into "Did you mean…". They keep a
    // reserve of 0.015 over what they need.
    [Theory]
    [InlineData("where is the health center", "doctor", 2)]
    [InlineData("kje je zdravstveni dom", "doctor", 2)]
    [InlineData("i want work", "job-search", 1)]
    public void Leads_that_held_by_a_hair_keep_a_reserve(string question, string topic, int margins)
    {
        const double Reserve = 0.015;
        var result = Engine.Ask(question);
        Assert.Equal(topic, result.Topic);
        var lead = result.Candidates[0].Score - result.Candidates[1].Score;
        Assert.True(lead >= margins * Engine.Options.AnswerMargin + Reserve, $"{topic} leads {result.Candidates[1].Topic} by {lead:0.0000}");
    }

    // In Latin "Gdje … djecu" asked "Did you mean…" between health insurance and the doctor, in Cyrillic "Где … дјецу" it
    // was answered: not the script (both fold to the same Latin letters) but "gdje" against "gde", ijekavian against
    // ekavian. The hbs samples that say "gdje", "mene" and "djeca" were health insurance's ("nemam osiguranje gdje da se
    // lijecim", "jesu li djeca osigurana preko mene"); the doctor topic had no sample for finding a doctor for the children.
    [Theory]
    [InlineData("Gdje mogu naći doktora za mene i moju djecu?")]
    [InlineData("gdje mogu naci doktora za mene i moju djecu")]
    [InlineData("Гдје могу наћи доктора за мене и моју дјецу?")]
    [InlineData("Где могу наћи доктора за мене и моју дјецу?")]
    [InlineData("Gde mogu naći lekara za mene i moju decu?")]
    [InlineData("Gdje mogu naći liječnika za mene i moju djecu?")]
    public void Finding_a_doctor_for_the_family_is_answered_in_either_script(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
    }

    // "Si mund të gjej një mjek familjar?" (a family doctor) was answered with family reunification: "familjar" is the
    // word of "bashkim familjar", and the doctor topic knew only "mjek familjeje". The other languages' family-doctor
    // words are keywords too, so "family" alone no longer decides.
    [Theory]
    [InlineData("si mund të gjej një mjek familjar?")]
    [InlineData("mjek familjar")]
    [InlineData("ku gjej mjek familjar")]
    [InlineData("kako najdem družinskega zdravnika")]
    [InlineData("družinski zdravnik")]
    [InlineData("porodični doktor")]
    [InlineData("obiteljski liječnik")]
    [InlineData("гдје да нађем породичног љекара")]
    [InlineData("طبيب عائلة")]
    [InlineData("كيف اجد طبيب عائلة")]
    [InlineData("how do I find a family doctor")]
    public void A_family_doctor_is_the_doctor_topic_in_every_language(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
    }

    // "I need a family GP" was answered with family reunification: "gp" has two letters, too few to weigh against "family",
    // which also matched the Albanian samples of family reunification ("familjen", "bashkim familjar") in the blend of
    // languages. "GP" and "family GP" are doctor keywords in every language now, as "zdravnik" is; "doktor" in Slovene too.
    // "where can i find a gp" then asked "Did you mean…": the keyword "find a GP" earned half the bonus, "where" and "can"
    // counting as words of the question.
    [Theory]
    [InlineData("I need a family GP")]
    [InlineData("i need a gp")]
    [InlineData("where can i find a gp")]
    [InlineData("general practitioner")]
    [InlineData("gp")]
    [InlineData("rabim doktorja")]
    [InlineData("potrebujem izbranega zdravnika")]
    [InlineData("osebni zdravnik")]
    [InlineData("mjek i pergjithshem")]
    [InlineData("doktor opste prakse")]
    [InlineData("izabrani ljekar")]
    [InlineData("породични доктор")]
    [InlineData("احتاج طبيب عام")]
    public void A_family_GP_or_a_personal_doctor_is_the_doctor_topic_in_every_language(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("bashkim familjar")]
    [InlineData("si mund ta sjell familjen në Slloveni?")]
    [InlineData("kushtet për bashkimin familjar")]
    [InlineData("kako pripeljem druzino v slovenijo")]
    [InlineData("kako da dovedem porodicu")]
    [InlineData("لم شمل العائلة")]
    [InlineData("how can my family join me")]
    public void Bringing_the_family_stays_family_reunification(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("family-reunification", Decision.Answer), (result.Topic, result.Decision));
    }

    // Answered with leisure and culture (the library's membership card is an "izkaznica") and with the SIM card
    // topic ("show an ID") before there was a topic for it.
    [Theory]
    [InlineData("Kje dobim osebno izkaznico?")]
    [InlineData("Kdaj in kje dobim osebno izkaznico?")]
    [InlineData("Where do I get an ID card?")]
    [InlineData("Ku ta marr letërnjoftimin?")]
    [InlineData("Gdje mogu dobiti ličnu kartu?")]
    [InlineData("أين أحصل على بطاقة هوية؟")]
    public void Asking_for_an_identity_card_finds_its_topic(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("identity-card", Decision.Answer), (result.Topic, result.Decision));
    }

    [Fact]
    public void A_library_card_and_an_ID_for_a_SIM_card_keep_their_topics()
    {
        Assert.Equal("leisure-culture", Engine.Ask("kaj rabim za clansko izkaznico knjiznice").Topic);
        Assert.Equal("phone-number", Engine.Ask("do i need ID to buy a prepaid sim").Topic);
    }

    // One-word questions whose word is a curated keyword of one topic but shares letters with a broader topic
    // ("preschool" / "school", "parashkollore" / "shkolla"): the exact-keyword bonus decides.
    [Theory]
    [InlineData("preschool", "kindergarten")]
    [InlineData("parashkollore", "kindergarten")]
    [InlineData("obdaniste", "kindergarten")]
    [InlineData("kirija", "housing")]
    [InlineData("simcard", "phone-number")]
    [InlineData("I need a simcard", "phone-number")]
    [InlineData("simkartica", "phone-number")]
    public void Keyword_only_questions_are_answered_with_their_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal(topic, result.Topic);
        Assert.Equal(Decision.Answer, result.Decision);
    }

    [Theory]
    [InlineData("what's the weather tomorrow")]
    [InlineData("recept za sarmu")]
    public void Out_of_scope_is_not_answered(string question) =>
        Assert.NotEqual(Decision.Answer, Engine.Ask(question).Decision);

    // "CSD postojna address" got the steps to register one's own address: "address" outweighed the office's name.
    [Theory]
    [InlineData("CSD postojna address")]
    [InlineData("naslov CSD")]
    [InlineData("adresa CSD postojna")]
    public void The_address_of_the_social_work_centre_is_the_offices_answer(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal("local-offices", result.Topic);
        Assert.Equal(Decision.Answer, result.Decision);
    }

    // "what is the address of ZRSZ" got the steps to register one's own address: "address" outweighed the office's name.
    // The Postojna office's address is not confirmed (kb-facts.md), so the offices answer names it and its line says to
    // ask the office for the address.
    [Theory]
    [InlineData("what is the address of ZRSZ")]
    [InlineData("where is ZRSZ")]
    [InlineData("kje je ZRSZ")]
    [InlineData("naslov ZRSZ")]
    [InlineData("ku eshte ZRSZ")]
    [InlineData("adresa e ZRSZ")]
    [InlineData("gdje je ZRSZ")]
    [InlineData("adresa ZRSZ")]
    [InlineData("عنوان ZRSZ")]
    public void Asking_where_the_employment_service_is_gives_the_offices_answer_with_its_entry(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("local-offices", Decision.Answer), (result.Topic, result.Decision));
        Assert.Contains("{dir.zrsz-postojna.address}", Engine.Catalog.Find("local-offices")!.AnswerIn(result.Language), StringComparison.Ordinal);
    }

    // "zrsz address" and "ZRSZ postojna" asked "Did you mean…" between the offices and finding a job or registering one's own
    // address, "where is csd" between social assistance, kindergarten and violence help, and "upravna enota" alone was
    // answered with the residence permit, 0.001 over the margin: the offices topic named these institutions only inside
    // longer keywords ("naslov ZRSZ"), while finding a job, the work permit, social assistance and the permits named them
    // alone. The offices answer has each one's entry (an address not confirmed reads "ask the office").
    [Theory]
    [InlineData("zrsz address")]
    [InlineData("ZRSZ postojna")]
    [InlineData("where is csd")]
    [InlineData("kje je csd")]
    [InlineData("gdje je CSD")]
    [InlineData("ku eshte CSD")]
    [InlineData("upravna enota")]
    [InlineData("where is the upravna enota")]
    public void An_institution_named_alone_or_asked_where_is_the_offices_answer(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("local-offices", Decision.Answer), (result.Topic, result.Decision));
    }

    // "your phone number" got the SIM card topic: its keyword "phone number" and the office's "your phone number" (new) both
    // earned the whole bonus; the longer keyword decides now.
    [Theory]
    [InlineData("your phone number")]
    [InlineData("what is your phone number")]
    [InlineData("vaša telefonska številka")]
    [InlineData("vaš broj telefona")]
    [InlineData("numri juaj i telefonit")]
    public void Asking_for_the_office_phone_number_is_the_office_answer(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("office-contact", Decision.Answer), (result.Topic, result.Decision));
    }

    // "policija" (and "полиција") asked "Did you mean…" between the police, the emergency numbers and the offices: the police
    // topic listed "policist" and "policijska postaja" but not the word itself, which only the emergency numbers did.
    [Theory]
    [InlineData("policija")]
    [InlineData("полиција")]
    [InlineData("policia")]
    [InlineData("police")]
    [InlineData("شرطة")]
    public void The_police_named_alone_is_the_police_topic(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("police", Decision.Answer), (result.Topic, result.Decision));
    }

    // "številka za policijo" and "številka za nujno pomoč" were answered with the tax number, whose Slovenian samples nearly
    // all say "številka"; "stevilka policije", "broj policije", "numri i policisë", "رقم الشرطة" and "police phone number"
    // asked "Did you mean…". The emergency numbers name these numbers as keywords now.
    [Theory]
    [InlineData("številka za policijo")]
    [InlineData("stevilka policije")]
    [InlineData("številka za nujno pomoč")]
    [InlineData("številka za rešilca")]
    [InlineData("broj policije")]
    [InlineData("numri i policisë")]
    [InlineData("رقم الشرطة")]
    [InlineData("police phone number")]
    [InlineData("police number")]
    public void The_number_of_the_police_or_an_ambulance_is_the_emergency_numbers_answer(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("emergency-numbers", Decision.Answer), (result.Topic, result.Decision));
    }

    // "hospital", "bolnišnica", "spitali", "مستشفى" got no answer at all (no topic had the word), "bolnica" and "zobar" (a
    // dentist, as Slovenians say it) were asked back or not answered, and "how to register with a gp" asked "Did you mean…"
    // between the doctor, opening a business and registering an address. The doctor topic (where the health centre is, how
    // to get a doctor) lists them now; a medical emergency is still read as one before any topic.
    [Theory]
    [InlineData("hospital")]
    [InlineData("where is the hospital")]
    [InlineData("bolnišnica")]
    [InlineData("kje je bolnisnica")]
    [InlineData("bolnica")]
    [InlineData("gdje je bolnica")]
    [InlineData("spitali")]
    [InlineData("مستشفى")]
    [InlineData("وين المستشفى")]
    [InlineData("zobar")]
    [InlineData("how to register with a gp")]
    public void A_hospital_a_dentist_or_registering_with_a_GP_is_the_doctor_topic(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
    }

    // A typing slip in a question of a word or two left nothing to go on: "docor", "dcotor", "shcool", "appartment",
    // "emplyment", "دكتر" got no answer at all. Read again with the slip put right, they offer the meant topic first under
    // "Did you mean…" (a guess, never a direct answer); a question answered as typed is not read again.
    [Theory]
    [InlineData("docor", "doctor")]
    [InlineData("dcotor", "doctor")]
    [InlineData("shcool", "school-enrolment")]
    [InlineData("appartment", "housing")]
    [InlineData("emplyment", "job-search")]
    [InlineData("دكتر", "doctor")]
    public void A_typing_slip_in_a_short_question_offers_the_meant_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Clarify), (result.Topic, result.Decision));
    }

    // The same slip in a question of the words people add around it was not read again (only questions of up to three
    // words were): "where is the libary", "i need to find a docor", "my son needs a shcool" got no answer, and "where is
    // the polce station" offered public transport. Questions of up to six words are read again now.
    [Theory]
    [InlineData("where is the libary", "leisure-culture")]
    [InlineData("i need to find a docor", "doctor")]
    [InlineData("my son needs a shcool", "school-enrolment")]
    [InlineData("where is the polce station", "police")]
    [InlineData("how do i get a resdence permit", "residence-permit")]
    public void A_typing_slip_in_a_question_of_up_to_six_words_offers_the_meant_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Clarify), (result.Topic, result.Decision));
    }

    [Theory]
    [InlineData("bank acount", "bank-account")]
    [InlineData("docter", "doctor")]
    public void A_question_answered_as_typed_stays_answered(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }
}

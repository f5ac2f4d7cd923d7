using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Questions typed the way a newcomer types them on a phone that got another topic's answer, found by walking the shipped
/// knowledge base with <c>ask</c> as a migrant would; each case names what the person saw before.
/// </summary>
public sealed class MigrantWalkRoutingTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    // "kako se prijaviti na zrsz" (how do I register at the employment service) was answered with registering one's address
    // (0.558 against finding a job's 0.488): "prijaviti" is how the address topic's samples say "register", and finding a
    // job knew only "prijava na zrsz" and "prijavim na zrsz". Registering one's address stays the address.
    [Theory]
    [InlineData("kako se prijaviti na zrsz", "job-search")]
    [InlineData("како се пријавити на зрсз", "job-search")]
    [InlineData("kako se prijaviti na zavod", "job-search")]
    [InlineData("kako se prijaviti na adresu", "address-registration")]
    [InlineData("prijaviti prebivaliste", "address-registration")]
    public void Registering_at_the_employment_service_is_finding_a_job(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // "عمل في بوستوينا" (work in Postojna) was answered with the offices in Postojna (0.383 against 0.286): "عمل" is finding a
    // job's keyword, but half the topics' samples say it too ("تصريح عمل", "ساعات العمل"), so it was taken for a filler word
    // like "في" and "بوستوينا", and the question earned no keyword bonus. Opening hours in Postojna stay the offices.
    [Theory]
    [InlineData("عمل في بوستوينا", "job-search")]
    [InlineData("عمل بوستوينا", "job-search")]
    [InlineData("مواعيد العمل في بوستوينا", "local-offices")]
    public void Work_in_Postojna_in_Arabic_is_finding_a_job(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // A theft told as it happened: "my wallet was stolen" found nothing (0.121), "ukrali su mi novcanik" asked "Did you mean…"
    // with social assistance first, "someone stole my phone" with violence and the SIM card. The police topic, which says
    // where to report a crime, knew only the nouns ("theft", "kraja", "vjedhje", "krađa", "سرقة").
    [Theory]
    [InlineData("my wallet was stolen")]
    [InlineData("someone stole my phone")]
    [InlineData("ukradli so mi denarnico")]
    [InlineData("me vodhen portofolin")]
    [InlineData("ukrali su mi novcanik")]
    [InlineData("украли су ми новчаник")]
    [InlineData("سرقوا جزداني")]
    public void A_theft_is_for_the_police(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("police", Decision.Answer), (result.Topic, result.Decision));
    }

    // "do I need an ID card for a SIM card" was answered with the identity card (only for citizens) in all five languages
    // (en 0.587 against the SIM card's 0.500, sl 0.789 against 0.409), and "ali rabim osebno izkaznico za knjiznico" the same
    // instead of the library: the identity card's few samples all say "ID card". The identity card is a document services
    // ask for (flag prerequisite): named together with a topic whose samples ask about it, the question is that topic's.
    // Getting the card itself stays the identity card, also where its own words hold another topic's keyword ("licna
    // karta": the SIM card's "kartica") or the question names a topic that does not ask for it ("slovenski": the course).
    [Theory]
    [InlineData("do I need an ID card for a SIM card", "phone-number")]
    [InlineData("ali rabim osebno izkaznico za sim kartico", "phone-number")]
    [InlineData("a me duhet leternjoftim per karte sim", "phone-number")]
    [InlineData("dal mi treba licna karta za sim karticu", "phone-number")]
    [InlineData("да ли ми треба лична карта за сим картицу", "phone-number")]
    [InlineData("هل احتاج بطاقة هوية لشريحة الهاتف", "phone-number")]
    [InlineData("ali rabim osebno izkaznico za knjiznico", "leisure-culture")]
    [InlineData("Where do I get an ID card?", "identity-card")]
    [InlineData("kje dobim osebno izkaznico na upravni enoti", "identity-card")]
    [InlineData("postal sem slovenski drzavljan, kako dobim osebno izkaznico", "identity-card")]
    [InlineData("احتاج بطاقة هوية", "identity-card")]
    [InlineData("licna karta", "identity-card")]
    [InlineData("karta e identitetit", "identity-card")]
    [InlineData("ali lahko tujec dobi slovensko osebno izkaznico", "identity-card")]
    public void An_identity_card_asked_for_a_service_is_the_service(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // A child with a fever found nothing in any language ("otrok ima vrocino" 0.141 kindergarten, "femija ka ethe",
    // "ابني عندو حرارة"): no topic knew the word. The doctor topic, which names the health centre and 112 for an emergency,
    // now does; sl and hbs are answered with it, the longer en, sq and ar questions ask "Did you mean…" with it first.
    [Theory]
    [InlineData("otrok ima vrocino", Decision.Answer)]
    [InlineData("dijete ima visoku temperaturu", Decision.Answer)]
    [InlineData("my child has fever at night what do i do", Decision.Clarify)]
    [InlineData("femija ka ethe", Decision.Clarify)]
    [InlineData("ابني عندو حرارة", Decision.Clarify)]
    public void A_child_with_a_fever_is_offered_the_doctor(string question, Decision decision)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", decision), (result.Topic, result.Decision));
    }

    // A pregnancy was taken for family matters: "zena je trudna" and "gruaja eshte shtatzene" (my wife is pregnant) asked
    // "Did you mean…" with family reunification first, "zena mi je noseca" and "زوجتي حامل" were answered with it (wife; and
    // حامل also means a permit's holder there), "my wife is pregnant" and "moja žena je noseča" asked "Did you mean…" with
    // it first, "i am pregnant" and "noseča sem" found nothing. The doctor topic, which says how to choose a gynaecologist,
    // now knows the word in every language ("مرتي حامل" still asks "Did you mean…", with the doctor first). Its en samples
    // name the health centre: any other en addition cost "where is the health center" the lead ShippedContentTests asks for.
    [Theory]
    [InlineData("zena je trudna")]
    [InlineData("жена ми је трудна")]
    [InlineData("gruaja eshte shtatzene")]
    [InlineData("my wife is pregnant")]
    [InlineData("i am pregnant")]
    [InlineData("moja žena je noseča")]
    [InlineData("noseča sem")]
    [InlineData("zena mi je noseca")]
    [InlineData("زوجتي حامل")]
    [InlineData("انا حامل")]
    public void A_pregnancy_is_the_doctor(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("doctor", Decision.Answer), (result.Topic, result.Decision));
    }

    // "need a dr", "dr for my kid" and "i need a dr for my son" were answered with the tax number (0.26-0.32): the only "dr"
    // the content knew was the form DR-02, split into "dr" and "02". The form code is now one word; asking for the form by
    // its code stays the tax number.
    [Theory]
    [InlineData("need a dr", "doctor")]
    [InlineData("dr for my kid", "doctor")]
    [InlineData("i need a dr for my son", "doctor")]
    [InlineData("obrazec DR-02", "tax-number")]
    [InlineData("form dr-02", "tax-number")]
    [InlineData("dr02", "tax-number")]
    public void A_dr_is_the_doctor_and_DR_02_the_tax_number(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // Wages not paid: "my boss doesnt pay" found nothing (school enrolment 0.116 first), "my employer does not pay my
    // salary" asked "Did you mean…" between finding a job, the work permit and health insurance. Finding a job is the topic
    // whose details name the help for workers (Delavska svetovalnica, the Labour Inspectorate, the ESS Info Point), as the
    // evaluation set has it ("my boss doesnt pay me on time what can i do").
    [Theory]
    [InlineData("my boss doesnt pay")]
    [InlineData("my employer does not pay my salary")]
    [InlineData("shefi nuk me paguan rrogen")]
    [InlineData("delodajalec mi ne plača plače")]
    [InlineData("المدير ما عطاني راتبي")]
    public void Unpaid_wages_are_finding_a_job(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("job-search", Decision.Answer), (result.Topic, result.Decision));
    }

    // "kopësht" (also written "kopesht") is how many Albanians spell kindergarten; the topic knew only "kopsht": "si te
    // regjistroj femijen ne kopesht" asked "Did you mean…" between the kindergarten, the school and registering an address,
    // and "kopesht" alone was only offered as a correction.
    [Theory]
    [InlineData("si te regjistroj femijen ne kopesht")]
    [InlineData("kopesht")]
    [InlineData("regjistrimi ne kopesht")]
    public void Kopesht_is_the_kindergarten(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("kindergarten", Decision.Answer), (result.Topic, result.Decision));
    }

    // "mogu li raditi sa boravkom" (can I work with my residence permit) found nothing (the residence permit 0.155 over the
    // work permit 0.140): "boravkom" is the word's instrumental, and the work permit's samples that ask "mogu li raditi"
    // name other documents. Asking for a residence permit itself stays the residence permit.
    [Theory]
    [InlineData("mogu li raditi sa boravkom", "work-permit")]
    [InlineData("mogu li raditi s boravkom", "work-permit")]
    [InlineData("dozvola za boravak", "residence-permit")]
    [InlineData("kako produziti boravak", "residence-permit")]
    public void Working_on_a_residence_permit_is_the_work_permit(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // "i lost my passport" asked "Did you mean…" with the emergency numbers, the leisure topic and public transport first
    // (police fifth, 0.120). The police topic says its officers return found items and has "lost my documents, does the
    // police have them"; it now lists "lost my passport". A passport taken by someone who forces the person to work stays
    // help against violence (an earlier try with police samples pulled such questions away).
    [Theory]
    [InlineData("i lost my passport", "police")]
    [InlineData("lost passport", "police")]
    [InlineData("Someone took my passport and forces me to work without pay, I can't leave.", "violence-help")]
    [InlineData("uzeli su mi pasos i tjeraju me da radim bez plate", "violence-help")]
    public void A_lost_passport_is_the_police(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal(topic, result.Topic);
        if (topic == "police")
        {
            Assert.Equal(Decision.Answer, result.Decision);
        }
    }

    // An employer who keeps a worker's passport is a sign of forced labour and trafficking: help against violence, whose
    // answer gives the anonymous police line and the counselor. "my boss took my passport" found nothing (finding a job
    // 0.140 first, for "boss"), the sl, hbs and ar forms asked "Did you mean…" between finding a job, the tax number and
    // the work permit. A lost passport stays the police (A_lost_passport_is_the_police).
    [Theory]
    [InlineData("my boss took my passport")]
    [InlineData("my employer has my passport and wont give it back")]
    [InlineData("šef mi je vzel potni list")]
    [InlineData("delodajalec mi ne da nazaj potnega lista")]
    [InlineData("shefi ma mori pasaportën")]
    [InlineData("punedhenesi nuk ma kthen pasaporten")]
    [InlineData("šef mi je uzeo pasoš")]
    [InlineData("poslodavac mi drzi pasos i ne vraca ga")]
    [InlineData("шеф ми је узео пасош")]
    [InlineData("صاحب العمل أخذ جواز سفري")]
    [InlineData("المدير ماخد جوازي وما بيرجعه")]
    public void A_passport_kept_by_the_employer_is_help_against_violence(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal("violence-help", result.Topic);
        Assert.Contains(result.Decision, (Decision[])[Decision.Answer, Decision.Emergency]);
    }

    // A lost passport is the police in every language, as "i lost my passport" is: "izgubil sem potni list" asked
    // "Did you mean…" with the emergency numbers first (0.289, police 0.270), "izgubio sam pasoš" was answered with the
    // emergency numbers (0.282, police 0.242), "ضاع جواز سفري" found nothing (violence-help 0.147), and "أين مكتب الشرطة"
    // (where is the police station) asked between the local offices and our office. A passport kept by the employer stays
    // help against violence (A_passport_kept_by_the_employer_is_help_against_violence).
    [Theory]
    [InlineData("izgubil sem potni list")]
    [InlineData("izgubila sem potni list")]
    [InlineData("izgubio sam pasoš")]
    [InlineData("izgubio sam pasos")]
    [InlineData("ضاع جواز سفري")]
    [InlineData("ضيعت جوازي")]
    [InlineData("أين مكتب الشرطة")]
    public void A_lost_passport_is_the_police_in_every_language(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("police", Decision.Answer), (result.Topic, result.Decision));
    }

    // Walking Serbian (Cyrillic and Latin, with and without diacritics) and Albanian journeys: "како да добијем боравишну
    // дозволу" (how do I get a residence permit, in the Serbian word "boravišna dozvola") asked "Did you mean…" between the
    // residence and the work permit (0.322 against 0.285); a sick child ("дете ми је болесно", "ћерка ми је болесна",
    // "djali im eshte semure") asked "Did you mean…" with the doctor alone or found nothing (the doctor's keywords knew only
    // "bolestan", "i sëmurë"); "where is the administrative unit" asked between the offices and citizenship
    // ("ku eshte njesia administrative") or the residence permit ("gdje je upravna jedinica"). The administrative unit that
    // decides on one's residence stays the residence permit.
    [Theory]
    [InlineData("kako da dobijem boravisnu dozvolu", "residence-permit")]
    [InlineData("kako da dobijem boravišnu dozvolu", "residence-permit")]
    [InlineData("како да добијем боравишну дозволу", "residence-permit")]
    [InlineData("dete mi je bolesno", "doctor")]
    [InlineData("дете ми је болесно", "doctor")]
    [InlineData("dijete mi je bolesno", "doctor")]
    [InlineData("ћерка ми је болесна", "doctor")]
    [InlineData("djali im eshte semure", "doctor")]
    [InlineData("vajza ime eshte e semure", "doctor")]
    [InlineData("ku eshte njesia administrative", "local-offices")]
    [InlineData("ku ndodhet njesia administrative", "local-offices")]
    [InlineData("gdje je upravna jedinica", "local-offices")]
    [InlineData("гдје је управна јединица", "local-offices")]
    [InlineData("cila njesi administrative eshte kompetente per lejen time te qendrimit", "residence-permit")]
    [InlineData("koja upravna jedinica je nadlezna za moj boravak", "residence-permit")]
    public void Serbian_and_albanian_journey_questions_get_their_topic(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }

    // "What do I bring?" alone, as a follow-up after an answer, names no topic: "çfarë duhet të sjell", "cfare duhet te sjell"
    // and "what do I bring" were answered with family reunification (its samples "bring my family", "ta sjell familjen"),
    // "koje dokumente trebam" with the identity card, which is only for citizens. They are asked back with the topics
    // whose answers say what to bring.
    [Theory]
    [InlineData("what do I bring")]
    [InlineData("What documents do I need?")]
    [InlineData("kaj moram prinesti")]
    [InlineData("çfarë duhet të sjell")]
    [InlineData("cfare duhet te sjell?")]
    [InlineData("cfare dokumentesh duhen")]
    [InlineData("šta da donesem")]
    [InlineData("шта да донесем")]
    [InlineData("koje dokumente trebam")]
    [InlineData("која документа требам")]
    [InlineData("ماذا أحضر")]
    public void What_to_bring_alone_is_asked_back_with_the_topics_that_say_it(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(Decision.Clarify, result.Decision);
        Assert.Equal(["residence-permit", "address-registration", "bank-account"], result.Candidates.Take(3).Select(c => c.Topic));
    }

    // Albanian "sjell" (bring) was family reunification's word alone: "cfare duhet te sjell per karten sim" asked "Did you
    // mean…" with family reunification first, the bank and the school beside it. Bringing one's family stays family.
    [Theory]
    [InlineData("cfare duhet te sjell per karten sim", "phone-number")]
    [InlineData("cfare duhet te sjell ne banke", "bank-account")]
    [InlineData("cfare te sjell ne banke", "bank-account")]
    [InlineData("cfare duhet te sjell ne shkolle", "school-enrolment")]
    [InlineData("si ta sjell familjen ne slloveni", "family-reunification")]
    [InlineData("a mund ta sjell gruan", "family-reunification")]
    public void What_to_bring_in_albanian_is_the_topic_named(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }
}

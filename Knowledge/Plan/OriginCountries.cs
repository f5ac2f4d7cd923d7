using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Plan;

/// <summary>
/// A country's names, so that "Syria", "Kosova", "Bosna", "سوريا" or "Србија" typed at the plan's origin question is read
/// as its group. Only the group is kept (the intake asks nothing about nationality beyond it); the name is said back so
/// the person sees what was understood.
/// </summary>
public sealed record OriginCountry(string Origin, IReadOnlyDictionary<string, string> Names, IReadOnlyList<string> Also)
{
    /// <summary>The name in <paramref name="language"/> (English when there is none).</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Names[Language.English];

    /// <summary>Every spelling: the five languages' names and the other usual ones (local, short, older forms).</summary>
    public IEnumerable<string> AllNames => Names.Values.Concat(Also);
}

/// <summary>
/// The countries people most often name, each in its origin group (<see cref="IntakeValues.Origins"/>): the EU's member
/// states, Iceland, Liechtenstein, Norway and Switzerland; the Western Balkans (Albania, Bosnia and Herzegovina, Kosovo,
/// Montenegro, North Macedonia, Serbia: Croatia is in the EU); and other countries people come from. A country not
/// here is not guessed: the question is asked again, with the groups explained. Slovenia is left out on purpose: "I
/// came to Slovenia for work" must not read as an origin. Short names that are also words ("SAD", "UK") are left out
/// for the same reason.
/// </summary>
public static class OriginCountries
{
    private const string Eu = "eu";
    private const string Balkans = "western-balkans";
    private const string Other = "other";

    public static IReadOnlyList<OriginCountry> All { get; } =
    [
        C(Eu, "Avstrija", "Austria", "Austria", "Austrija", "النمسا", "Österreich"),
        C(Eu, "Belgija", "Belgium", "Belgjika", "Belgija", "بلجيكا"),
        C(Eu, "Bolgarija", "Bulgaria", "Bullgaria", "Bugarska", "بلغاريا"),
        C(Eu, "Hrvaška", "Croatia", "Kroacia", "Hrvatska", "كرواتيا"),
        C(Eu, "Ciper", "Cyprus", "Qipro", "Kipar", "قبرص"),
        C(Eu, "Češka", "Czechia", "Çekia", "Češka", "التشيك", "Czech Republic", "Republika Češka", "Češka republika"),
        C(Eu, "Danska", "Denmark", "Danimarka", "Danska", "الدنمارك"),
        C(Eu, "Estonija", "Estonia", "Estonia", "Estonija", "إستونيا"),
        C(Eu, "Finska", "Finland", "Finlanda", "Finska", "فنلندا"),
        C(Eu, "Francija", "France", "Franca", "Francuska", "فرنسا"),
        C(Eu, "Nemčija", "Germany", "Gjermania", "Njemačka", "ألمانيا", "Nemačka", "Deutschland", "Gjermani"),
        C(Eu, "Grčija", "Greece", "Greqia", "Grčka", "اليونان"),
        C(Eu, "Madžarska", "Hungary", "Hungaria", "Mađarska", "المجر", "هنغاريا"),
        C(Eu, "Irska", "Ireland", "Irlanda", "Irska", "أيرلندا"),
        C(Eu, "Italija", "Italy", "Italia", "Italija", "إيطاليا"),
        C(Eu, "Latvija", "Latvia", "Letonia", "Latvija", "لاتفيا"),
        C(Eu, "Litva", "Lithuania", "Lituania", "Litvanija", "ليتوانيا"),
        C(Eu, "Luksemburg", "Luxembourg", "Luksemburg", "Luksemburg", "لوكسمبورغ"),
        C(Eu, "Malta", "Malta", "Malta", "Malta", "مالطا"),
        C(Eu, "Nizozemska", "Netherlands", "Holanda", "Nizozemska", "هولندا", "Holland", "Holandija", "Nizozemska"),
        C(Eu, "Poljska", "Poland", "Polonia", "Poljska", "بولندا"),
        C(Eu, "Portugalska", "Portugal", "Portugalia", "Portugal", "البرتغال"),
        C(Eu, "Romunija", "Romania", "Rumania", "Rumunija", "رومانيا", "Rumunjska"),
        C(Eu, "Slovaška", "Slovakia", "Sllovakia", "Slovačka", "سلوفاكيا"),
        C(Eu, "Španija", "Spain", "Spanja", "Španija", "إسبانيا", "Španjolska"),
        C(Eu, "Švedska", "Sweden", "Suedia", "Švedska", "السويد"),
        C(Eu, "Islandija", "Iceland", "Islanda", "Island", "آيسلندا"),
        C(Eu, "Lihtenštajn", "Liechtenstein", "Lihtenshtajn", "Lihtenštajn", "ليختنشتاين"),
        C(Eu, "Norveška", "Norway", "Norvegjia", "Norveška", "النرويج"),
        C(Eu, "Švica", "Switzerland", "Zvicra", "Švicarska", "سويسرا", "Švajcarska", "Schweiz"),

        C(Balkans, "Albanija", "Albania", "Shqipëria", "Albanija", "ألبانيا", "Shqipëri"),
        C(Balkans, "Bosna in Hercegovina", "Bosnia and Herzegovina", "Bosnja dhe Hercegovina", "Bosna i Hercegovina", "البوسنة والهرسك",
            "Bosna", "Bosnia", "BiH", "Bosnja", "البوسنة"),
        C(Balkans, "Kosovo", "Kosovo", "Kosova", "Kosovo", "كوسوفو", "Kosovë"),
        C(Balkans, "Črna gora", "Montenegro", "Mali i Zi", "Crna Gora", "الجبل الأسود", "مونتينيغرو"),
        C(Balkans, "Severna Makedonija", "North Macedonia", "Maqedonia e Veriut", "Sjeverna Makedonija", "مقدونيا الشمالية",
            "Makedonija", "Macedonia", "Maqedonia", "Maqedoni", "مقدونيا"),
        C(Balkans, "Srbija", "Serbia", "Serbia", "Srbija", "صربيا", "Serbi"),

        C(Other, "Afganistan", "Afghanistan", "Afganistan", "Afganistan", "أفغانستان"),
        C(Other, "Sirija", "Syria", "Siria", "Sirija", "سوريا", "سورية", "Syrien"),
        C(Other, "Irak", "Iraq", "Irak", "Irak", "العراق"),
        C(Other, "Iran", "Iran", "Iran", "Iran", "إيران"),
        C(Other, "Pakistan", "Pakistan", "Pakistan", "Pakistan", "باكستان"),
        C(Other, "Bangladeš", "Bangladesh", "Bangladesh", "Bangladeš", "بنغلاديش"),
        C(Other, "Indija", "India", "India", "Indija", "الهند"),
        C(Other, "Nepal", "Nepal", "Nepal", "Nepal", "نيبال"),
        C(Other, "Šrilanka", "Sri Lanka", "Sri Lanka", "Šri Lanka", "سريلانكا"),
        C(Other, "Filipini", "Philippines", "Filipine", "Filipini", "الفلبين"),
        C(Other, "Kitajska", "China", "Kina", "Kina", "الصين"),
        C(Other, "Vietnam", "Vietnam", "Vietnami", "Vijetnam", "فيتنام"),
        C(Other, "Turčija", "Turkey", "Turqia", "Turska", "تركيا", "Türkiye"),
        C(Other, "Ukrajina", "Ukraine", "Ukraina", "Ukrajina", "أوكرانيا"),
        C(Other, "Rusija", "Russia", "Rusia", "Rusija", "روسيا"),
        C(Other, "Belorusija", "Belarus", "Bjellorusia", "Bjelorusija", "بيلاروسيا"),
        C(Other, "Moldavija", "Moldova", "Moldavia", "Moldavija", "مولدوفا"),
        C(Other, "Gruzija", "Georgia", "Gjeorgjia", "Gruzija", "جورجيا"),
        C(Other, "Armenija", "Armenia", "Armenia", "Armenija", "أرمينيا"),
        C(Other, "Azerbajdžan", "Azerbaijan", "Azerbajxhan", "Azerbejdžan", "أذربيجان"),
        C(Other, "Kazahstan", "Kazakhstan", "Kazakistan", "Kazahstan", "كازاخستان"),
        C(Other, "Uzbekistan", "Uzbekistan", "Uzbekistan", "Uzbekistan", "أوزبكستان"),
        C(Other, "Maroko", "Morocco", "Maroku", "Maroko", "المغرب"),
        C(Other, "Alžirija", "Algeria", "Algjeria", "Alžir", "الجزائر"),
        C(Other, "Tunizija", "Tunisia", "Tunizia", "Tunis", "تونس"),
        C(Other, "Libija", "Libya", "Libia", "Libija", "ليبيا"),
        C(Other, "Egipt", "Egypt", "Egjipti", "Egipat", "مصر"),
        C(Other, "Palestina", "Palestine", "Palestina", "Palestina", "فلسطين"),
        C(Other, "Libanon", "Lebanon", "Liban", "Liban", "لبنان"),
        C(Other, "Jordanija", "Jordan", "Jordania", "Jordan", "الأردن"),
        C(Other, "Jemen", "Yemen", "Jemen", "Jemen", "اليمن"),
        C(Other, "Sudan", "Sudan", "Sudan", "Sudan", "السودان"),
        C(Other, "Eritreja", "Eritrea", "Eritrea", "Eritreja", "إريتريا"),
        C(Other, "Etiopija", "Ethiopia", "Etiopia", "Etiopija", "إثيوبيا"),
        C(Other, "Somalija", "Somalia", "Somalia", "Somalija", "الصومال"),
        C(Other, "Nigerija", "Nigeria", "Nigeria", "Nigerija", "نيجيريا"),
        C(Other, "Združeno kraljestvo", "United Kingdom", "Mbretëria e Bashkuar", "Ujedinjeno Kraljevstvo", "المملكة المتحدة",
            "Great Britain", "Britain", "England", "Velika Britanija", "Anglija", "Engleska", "بريطانيا"),
        C(Other, "Združene države Amerike", "United States", "Shtetet e Bashkuara", "Sjedinjene Američke Države", "الولايات المتحدة",
            "USA", "America", "Amerika", "أمريكا"),
        C(Other, "Kanada", "Canada", "Kanada", "Kanada", "كندا"),
        C(Other, "Brazilija", "Brazil", "Brazili", "Brazil", "البرازيل"),
        C(Other, "Kolumbija", "Colombia", "Kolumbia", "Kolumbija", "كولومبيا"),
        C(Other, "Venezuela", "Venezuela", "Venezuela", "Venecuela", "فنزويلا"),
    ];

    private static OriginCountry C(string origin, string sl, string en, string sq, string hbs, string ar, params string[] also) => new(
        origin,
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Language.Slovenian] = sl,
            [Language.English] = en,
            [Language.Albanian] = sq,
            [Language.Bcs] = hbs,
            [Language.Arabic] = ar,
        },
        also);
}

namespace IntegrationBot.TestSupport;

/// <summary>
/// A complete new topic for tests that add and retire topics (every shipped topic is required, so none of them can be
/// retired): five languages with title, answer, eight sample questions and keywords, as PUT …/languages/{lang} takes them.
/// Its words (chess) are in no shipped topic, so once it is retired its questions find nothing.
/// </summary>
public static class ChessClubTopic
{
    public const string Id = "chess-club";

    public const string Category = "family";

    public const string Source = "https://www.sahovska-zveza.si/";

    /// <summary>A question the topic answers in English, and the start of the English answer.</summary>
    public const string EnglishQuestion = "where can I play chess";

    public const string EnglishAnswerStart = "Chess players meet";

    private static readonly Dictionary<string, (string Title, string Answer, string[] Questions, string[] Keywords)> Texts = new()
    {
        ["sl"] = ("Šahovski klub", "Šahisti se srečujejo v šahovskih klubih; v pisarni vam pomagamo najti klub v bližini.",
            ["kje lahko igram šah", "šahovski klub postojna", "igranje šaha", "šahovski turnir", "kje se učijo šaha", "šah za otroke", "šahovsko društvo", "šahisti srečanja"],
            ["šah", "šahovski", "šahist"]),
        ["en"] = ("Chess club", "Chess players meet in chess clubs; the office helps you find a club nearby.",
            [EnglishQuestion, "chess club postojna", "playing chess", "chess tournament", "learn chess", "chess for children", "chess society", "chess players meeting"],
            ["chess", "chessboard"]),
        ["sq"] = ("Klubi i shahut", "Shahistët takohen në klube shahu; zyra ju ndihmon të gjeni një klub afër.",
            ["ku mund të luaj shah", "klubi i shahut postojna", "lojë shahu", "turne shahu", "mësoj shah", "shah për fëmijë", "shoqata e shahut", "takim shahistësh"],
            ["shah", "shahist"]),
        ["hbs"] = ("Šahovski klub", "Šahisti se sastaju u šahovskim klubovima; ured vam pomaže pronaći klub u blizini.",
            ["gdje mogu igrati šah", "šahovski klub u postojni", "igranje šaha danas", "šahovski turnir u gradu", "učiti šah", "šah za djecu", "šahovsko društvo u gradu", "sastanak šahista"],
            ["šah", "šahist"]),
        ["ar"] = ("نادي الشطرنج", "يلتقي لاعبو الشطرنج في نوادي الشطرنج؛ يساعدك المكتب في إيجاد نادٍ قريب.",
            ["أين يمكنني لعب الشطرنج", "نادي الشطرنج بوستوينا", "لعب الشطرنج", "بطولة الشطرنج", "تعلم الشطرنج", "الشطرنج للأطفال", "جمعية الشطرنج", "لقاء لاعبي الشطرنج"],
            ["الشطرنج", "شطرنج"]),
    };

    /// <summary>The body of PUT /api/knowledge/topics/chess-club/languages/{language}.</summary>
    public static object Language(string language)
    {
        var (title, answer, questions, keywords) = Texts[language];
        return new { title, answer, details = (string?)null, questions, keywords };
    }

    /// <summary>The texts of <paramref name="language"/>, for tests that call the editor without HTTP.</summary>
    public static (string Title, string Answer, string[] Questions, string[] Keywords) Parts(string language) => Texts[language];
}

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>Thresholds of the engine; the defaults are tuned on the evaluation set (docs/knowledge-base.md).</summary>
public sealed record KnowledgeEngineOptions
{
    /// <summary>At or above this score, with enough margin over the runner-up, the answer is shown directly.</summary>
    public double AnswerThreshold { get; init; } = 0.22;

    /// <summary>The best score must lead the second topic by this much for a direct answer; otherwise clarify.</summary>
    public double AnswerMargin { get; init; } = 0.04;

    /// <summary>Below this score nothing fits.</summary>
    public double ClarifyThreshold { get; init; } = 0.16;

    /// <summary>Below this confidence the conversation's current language is kept.</summary>
    public double LanguageThreshold { get; init; } = 0.6;

    /// <summary>Only this many characters of a message are searched; longer messages are cut (a 100 KB paste stays fast).</summary>
    public int MaxQuestionLength { get; init; } = 1000;

    /// <summary>
    /// A longer message is still read this far for danger: a person in trouble writes their story first and the danger
    /// last ("… and I want to kill myself" after 2,000 characters got no help while only the search window was read).
    /// </summary>
    public int MaxDangerReadLength { get; init; } = 20_000;

    /// <summary>Weight of a topic's answer and details text in its document, relative to all its sample questions together.</summary>
    public double AnswerTextWeight { get; init; } = 0.5;

    /// <summary>Share of the document-centroid similarity in a topic's score; the rest is the closest sample question.</summary>
    public double CentroidShare { get; init; } = 0.9;

    /// <summary>Factor on scores from documents in another language than the question's.</summary>
    public double OtherLanguageFactor { get; init; } = 0.9;

    /// <summary>
    /// Share of the weaker of (question's language, best other language) added to the stronger: a topic that
    /// matches in two languages (sl and hbs share words, names of institutions are the same everywhere) gains.
    /// </summary>
    public double OtherLanguageBlend { get; init; } = 1.0;

    /// <summary>Weight of a keyword or the title relative to one sample question in a topic's document.</summary>
    public double KeywordWeight { get; init; } = 1.0;

    /// <summary>Exponent on the summed sample-question weights of a topic (below 1: rare words of one question count more).</summary>
    public double CentroidExponent { get; init; } = 0.5;

    /// <summary>Exponent on inverse document frequency: above 1 silences words every topic uses ("how", "kje", "kako") more.</summary>
    public double IdfPower { get; init; } = 1.5;

    /// <summary>Feature weights: whole word, word prefix, character n-gram.</summary>
    public double WordWeight { get; init; } = 1.0;

    public double PrefixWeight { get; init; } = 0.8;

    public double GramWeight { get; init; } = 1.2;

    /// <summary>
    /// Bonus for a short question that contains a topic's keyword or title word for word, scaled by the share of
    /// the question's words it covers (a one-word question that is a keyword gets all of it).
    /// </summary>
    public double KeywordMatchBonus { get; init; } = 0.1;

    /// <summary>
    /// The keyword bonus of a question of one word (not counting words most topics use) is this many times
    /// <see cref="KeywordMatchBonus"/>: nothing else in the question says which topic it means. "work", finding a job's
    /// keyword, asked "Did you mean…" with the work permit, whose many samples say "work", 0.017 behind.
    /// </summary>
    public double SingleWordKeywordFactor { get; init; } = 1.5;

    /// <summary>Questions with more words than this get no keyword bonus for a one-word keyword.</summary>
    public int KeywordMatchMaxWords { get; init; } = 2;

    /// <summary>
    /// Questions with more words than this get no bonus for a keyword of two or three words either. Such a keyword is
    /// specific ("health centre"), so it counts in a short sentence too, unless another word of the sentence is another
    /// topic's keyword: "where is the health centre" lost to health insurance, whose many samples say "health".
    /// </summary>
    public int KeywordPhraseMaxWords { get; init; } = 5;

    /// <summary>
    /// A question of at most this many words that is not answered directly is read again with its unknown words put right where
    /// they are one typing slip from a word of the content ("docor", "shcool"); what that finds is offered as
    /// "Did you mean…", never answered directly. 0 turns it off. Six, not three: people put the slip among the words they
    /// always add ("where is the libary", "i need to find a docor"); at six the evaluation questions lose nothing (parts
    /// top-1 93.4 → 93.5 %, holdout level; one out-of-scope question, "kje lahko volim na volitvah", is now offered the
    /// driving licence under "Did you mean…" instead of nothing), at eight they gain nothing more.
    /// </summary>
    public int SpellingMaxWords { get; init; } = 6;

    /// <summary>Length of the word prefix used as a crude stem.</summary>
    public int PrefixLength { get; init; } = 5;
}

using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// An unknown word one typing slip from a word of the content is read as that word: a letter missing, one too many, a
/// wrong one, two neighbours swapped. The first letter stays, Latin words of four letters only have two neighbours
/// swapped back, and Arabic only loses or gains a letter or swaps two: a wrong letter there makes another real word.
/// </summary>
public sealed class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Corrector = Build(
        ("doctor", 1.0), ("school", 1.0), ("bank", 1.0), ("sluzba", 2.0), ("sluzbo", 1.5), ("beating", 1.0), ("classes", 1.0),
        ("دكتور", 1.0), ("تبديل", 1.0), ("flat", 1.0), ("work", 1.0), ("wrok", 3.0), ("kuhar", 3.0));

    [Theory]
    [InlineData("docor", "doctor")]
    [InlineData("doctorr", "doctor")]
    [InlineData("doctir", "doctor")]
    [InlineData("dcotor", "doctor")]
    [InlineData("shcool", "school")]
    [InlineData("دكتر", "دكتور")]
    [InlineData("bnak", "bank")]
    [InlineData("falt", "flat")]
    public void A_word_one_slip_from_a_known_word_is_read_as_it(string typed, string meant) =>
        Assert.Equal([meant], Corrector.Correct([typed]));

    [Fact]
    public void Among_several_words_one_slip_away_the_most_common_is_taken() =>
        Assert.Equal(["sluzbo"], Corrector.Correct(["sluzb"]));

    // A word only one document knows (the rarest there is) is most likely a slip a sample keeps ("wrok permit cost"):
    // two swapped neighbours still make it the common word.
    [Fact]
    public void A_word_of_one_document_is_read_as_the_common_word_two_swapped_neighbours_make_of_it() =>
        Assert.Equal(["work"], Corrector.Correct(["wrok"]));

    [Theory]
    [InlineData("heating")] // "beating": the first letter differs
    [InlineData("glasses")] // "classes"
    [InlineData("banc")] // a Latin word of four letters with a wrong letter: too many are one such slip from another
    [InlineData("ban")] // three letters
    [InlineData("kuhar")] // a word of one document with no swap that makes a more common word
    [InlineData("تعديل")] // to amend: one letter from "تبديل", to exchange
    [InlineData("doctor")] // known
    [InlineData("weather")] // nothing near
    public void Other_words_are_left_as_they_are(string typed)
    {
        List<string> terms = [typed];
        Assert.Same(terms, Corrector.Correct(terms));
    }

    private static SpellingCorrector Build(params (string Word, double Idf)[] words)
    {
        var vocabulary = new Dictionary<string, int>(words.Select((w, id) => KeyValuePair.Create("w:" + w.Word, id)), StringComparer.Ordinal);
        return new SpellingCorrector(vocabulary, [.. words.Select(w => w.Idf)]);
    }
}

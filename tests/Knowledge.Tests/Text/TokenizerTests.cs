using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Text;

public sealed class TokenizerTests
{
    [Fact]
    public void Punctuation_and_apostrophes_split_words_in_all_languages()
    {
        Assert.Equal(["s", "kam", "leje", "pune"], Tokenizer.Tokenize("S'kam leje pune!"));
        Assert.Equal(["don", "t", "know", "where", "to", "go"], Tokenizer.Tokenize("Don’t know... where to go?"));
        Assert.Equal(["kje", "je", "zdravstveni", "dom"], Tokenizer.Tokenize("Kje je zdravstveni dom?!"));
        Assert.Equal(["اين", "المستشفي"], Tokenizer.Tokenize("أين المستشفى؟"));
        Assert.Equal(["gdje", "je", "dom", "zdravlja"], Tokenizer.Tokenize("Гдје је дом здравља?"));
    }

    [Fact]
    public void Emoji_and_symbols_give_no_tokens() => Assert.Empty(Tokenizer.Tokenize("😀🙏 ... !!! ❤️"));

    [Fact]
    public void Numbers_stay_tokens() => Assert.Equal(["call", "112", "or", "113"], Tokenizer.Tokenize("call 112, or 113"));

    // A form code is asked for as one word: "DR-02" split into "dr" and "02" made every "dr" (doctor) the tax number's form.
    [Fact]
    public void A_form_code_is_one_word()
    {
        Assert.Equal(["obrazec", "dr02"], Tokenizer.Tokenize("obrazec DR-02"));
        Assert.Equal(["form", "m1", "and", "dr02"], Tokenizer.Tokenize("form M-1 and dr02"));
        Assert.Equal(["dr02"], Tokenizer.Tokenize("[[DR-02]]"));
    }

    [Fact]
    public void Other_hyphens_still_split_words()
    {
        Assert.Equal(["e", "uprava"], Tokenizer.Tokenize("e-uprava"));
        Assert.Equal(["24", "hour", "line"], Tokenizer.Tokenize("24-hour line"));
        Assert.Equal(["dr", "franca"], Tokenizer.Tokenize("dr. Franca"));
        Assert.Equal(["dr", "02"], Tokenizer.Tokenize("dr -02"));
        Assert.Equal(["2024", "25"], Tokenizer.Tokenize("2024-25"));
    }
}

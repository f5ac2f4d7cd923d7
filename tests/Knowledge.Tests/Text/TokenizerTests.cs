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
}

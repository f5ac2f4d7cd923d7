using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class TextSplitterTests
{
    [Fact]
    public void Short_text_stays_one_chunk()
    {
        Assert.Equal(["Hello."], TextSplitter.Split("Hello.", 4096));
    }

    [Fact]
    public void Long_text_is_split_at_sentence_ends_and_every_chunk_fits()
    {
        var sentence = "Bring your passport and the residence permit to the administrative unit. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 200));

        var chunks = TextSplitter.Split(text, 4096);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 4096));
        Assert.All(chunks, c => Assert.EndsWith("unit.", c));
        Assert.Equal(text.Replace(" ", ""), string.Concat(chunks).Replace(" ", ""));
    }

    [Fact]
    public void Paragraph_break_is_preferred_over_a_sentence_end()
    {
        var first = new string('a', 60) + ". " + new string('b', 20);
        var text = first + "\n\n" + new string('c', 50);

        var chunks = TextSplitter.Split(text, 100);

        Assert.Equal(first, chunks[0]);
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut_in_half()
    {
        var text = new string('x', 99) + "😀" + new string('y', 50);

        var chunks = TextSplitter.Split(text, 100);

        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.Equal(text, string.Concat(chunks));
    }
}

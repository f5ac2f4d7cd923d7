using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Čevapčiči ŠŽ", "cevapcici sz")]
    [InlineData("Ćevapi Đurđa", "cevapi djurdja")]
    [InlineData("Çfarë dokumentesh më duhen", "cfare dokumentesh me duhen")]
    [InlineData("Zdravstveni DOM", "zdravstveni dom")]
    [InlineData("Ljubljana Škofja Loka", "ljubljana skofja loka")]
    public void Latin_text_is_lower_cased_and_diacritics_folded(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(input));

    // Plain ASCII takes a shorter path (no builder); it must fold exactly as the general one would.
    [Theory]
    [InlineData("Where IS the Office? Tel: 05-728 (Mon-Fri) ~`[]{}@_Z", "where is the office? tel: 05-728 (mon-fri) ~`[]{}@_z")]
    [InlineData("kje je urad za tujce", "kje je urad za tujce")]
    [InlineData("AZ az @[`{", "az az @[`{")]
    public void Plain_ascii_is_lower_cased_only(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(input));

    [Theory]
    [InlineData("Гдје је дом здравља", "gdje je dom zdravlja")]
    [InlineData("Љубав Њива Џеп Ђак Ћевап", "ljubav njiva dzep djak cevap")]
    [InlineData("ПОРЕЗНИ БРОЈ", "porezni broj")]
    public void Serbian_cyrillic_becomes_folded_latin(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(input));

    [Fact]
    public void Arabic_letter_variants_marks_and_tatweel_are_unified()
    {
        Assert.Equal("احمد", TextNormalizer.Fold("أحمد"));
        Assert.Equal("اسلام", TextNormalizer.Fold("إسلام"));
        Assert.Equal("امن", TextNormalizer.Fold("آمن"));
        Assert.Equal("مدرسه", TextNormalizer.Fold("مدرسة"));
        Assert.Equal("مستشفي", TextNormalizer.Fold("مستشفى"));
        Assert.Equal("كتاب", TextNormalizer.Fold("كِتَابٌ"));
        Assert.Equal("جميل", TextNormalizer.Fold("جمـــيل"));
    }

    [Fact]
    public void Arabic_indic_digits_become_ascii() =>
        Assert.Equal("112 و 1990", TextNormalizer.Fold("١١٢ و ۱۹۹۰"));

    [Fact]
    public void Empty_input_gives_empty_output() => Assert.Equal(string.Empty, TextNormalizer.Fold(string.Empty));
}

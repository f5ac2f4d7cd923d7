using IntegrationBot.Channels.Telegram;

namespace IntegrationBot.Channels.Tests.Telegram;

public sealed class TelegramHtmlTests
{
    [Fact]
    public void Every_character_Telegram_would_parse_is_escaped()
    {
        Assert.Equal("a &lt;br&gt; &amp; &quot;x&quot; &lt; 3", TelegramHtml.Escape("a <br> & \"x\" < 3"));
    }

    [Fact]
    public void Bold_markers_become_b_tags_around_escaped_text()
    {
        Assert.Equal("<b>Ura &amp; kraj</b>: 8-15", TelegramHtml.FromPlainText("**Ura & kraj**: 8-15"));
    }

    [Fact]
    public void Unpaired_bold_marker_stays_literal()
    {
        Assert.Equal("2 ** 3 &lt;b&gt;", TelegramHtml.FromPlainText("2 ** 3 <b>"));
    }
}

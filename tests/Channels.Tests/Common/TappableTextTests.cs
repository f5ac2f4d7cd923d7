using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.Telegram;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class TappableTextTests
{
    [Theory]
    [InlineData("Call 112 now.", "tel:112")]
    [InlineData("Police: 113", "tel:113")]
    [InlineData("TOM telefon 116 123 or 080 11 55.", "tel:0801155")]
    [InlineData("Office 05 728 07 00 (mornings)", "tel:057280700")]
    [InlineData("From abroad +386 5 728 07 00", "tel:+38657280700")]
    [InlineData("Write to info@postojna.si.", "mailto:info@postojna.si")]
    [InlineData("See https://www.gov.si/en/topics/residence/.", "https://www.gov.si/en/topics/residence/")]
    [InlineData("Vacancies at www.ess.gov.si.", "https://www.ess.gov.si")]
    [InlineData("\u200Fالمصدر: \u2066https://www.gov.si/\u2069", "https://www.gov.si/")]
    [InlineData("\u200Fاتصل \u2066112\u2069", "tel:112")]
    // Found in the web chat journey: the crisis line of the suicide answer was the one number that could not be tapped.
    [InlineData("Talk to someone now: 116 123 – 24-hour line", "tel:116123")]
    [InlineData("116 000 – missing children", "tel:116000")]
    [InlineData("TOM telefon 116 111", "tel:116111")]
    public void Finds_what_a_person_should_be_able_to_tap(string text, string target) =>
        Assert.Contains(target, TappableText.Find(text).Select(s => s.Target));

    [Theory]
    [InlineData("In 2024 the fee was 22,60 EUR.")]
    [InlineData("Article 1125 and room 112a")]
    [InlineData("version 0.112")]
    [InlineData("case 116 1234 and 1161234")]
    public void Leaves_other_numbers_alone(string text) => Assert.Empty(TappableText.Find(text));

    [Fact]
    public void Web_chat_markdown_links_everything_and_escapes_the_rest()
    {
        var markdown = TappableText.ToWebChatMarkdown("Emergency: 112\n<b>not html</b> [x] see https://e-uprava.gov.si/a_b or mail pic@pic.si");

        Assert.Equal(@"Emergency: [112](tel:112)" + "  \n" + @"\<b\>not html\</b\> \[x\] see [https://e-uprava.gov.si/a\_b](https://e-uprava.gov.si/a_b) or mail [pic@pic.si](mailto:pic@pic.si)", markdown);
    }

    // Seen in Chromium: Web Chat's markdown links any word that looks like a domain, so the Albanian "p.sh." ("for
    // example") became a link to the website p.sh. Only what TappableText finds may be a link; www. addresses are
    // among them, with https.
    [Fact]
    public void Web_chat_markdown_links_only_what_it_finds_and_www_addresses_with_https()
    {
        var markdown = TappableText.ToWebChatMarkdown("pasaportën (p.sh. ID), d.o.o. 4.50 € na www.ess.gov.si.");

        Assert.Equal(@"pasaportën (p\.sh. ID), d\.o\.o. 4\.50 € na [www.ess.gov.si](https://www.ess.gov.si).", markdown);
    }

    [Fact]
    public void Web_chat_markdown_ends_a_list_before_a_line_that_is_not_an_item()
    {
        // Seen in Chromium: the lines after step 4 of the doctor answer were indented as part of step 4.
        var markdown = TappableText.ToWebChatMarkdown("How to choose:\n1. Choose a doctor.\n2. Sign the form.\nHealth centre: Prečna 2\nAsk the office.");

        Assert.Equal("How to choose:  \n1. Choose a doctor.  \n2. Sign the form.  \n\nHealth centre: Prečna 2  \nAsk the office.", markdown);
    }

    [Fact]
    public void Telegram_gets_web_addresses_as_links_inside_its_html_subset()
    {
        var html = TelegramHtml.FromPlainText("**Source:** https://www.gov.si/?a=1&b=2. Call 112 or <script>.");

        Assert.Equal("<b>Source:</b> <a href=\"https://www.gov.si/?a=1&amp;b=2\">https://www.gov.si/?a=1&amp;b=2</a>. Call 112 or &lt;script&gt;.", html);
    }
}

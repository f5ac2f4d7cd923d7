using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>A tappable phone number keeps the punctuation that follows it on its own line.</summary>
public sealed class TappableNumberJourneyTests
{
    // Seen at 390×844: in "If you are in danger right now, call the police: 113." the full stop after the linked 113 stood
    // alone on the next line. Web Chat puts a zero-width space after every link, and a line may break there.
    [Theory]
    [InlineData("en", "my husband is hitting me right now, help")]
    [InlineData("ar", "النجدة زوجي يضربني")]
    public async Task The_full_stop_after_the_police_number_stays_on_the_numbers_line(string language, string question)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, $"tappable-number-{language}");
        await chat.Page.ClickAsync($"header button[data-lang={language}]");
        await chat.AcceptPrivacyAsync(language);
        await chat.SayAsync(question);
        var police = chat.BotBubbles.Locator("a[href='tel:113']").Last;
        await police.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("emergency");

        var asShown = await police.EvaluateAsync<string>(FullStopLine, false);
        // Whatever the font: the paragraph narrowed so that 113 ends its line leaves no room for the full stop.
        var squeezed = await police.EvaluateAsync<string>(FullStopLine, true);
        await chat.ShotAsync("emergency-squeezed");

        Assert.True(asShown == "same line", $"as shown: {asShown}");
        Assert.True(squeezed == "same line", $"squeezed: {squeezed}");
    }

    // The full stop after the link (its text node, past any invisible characters) and the link's last box: one line when
    // their vertical middles are less than half a line apart.
    private const string FullStopLine = """
        (a, squeeze) => {
          const block = a.closest('p') || a.parentElement;
          if (squeeze) {
            // First one long line, so that 113 follows the words before it; then just as wide as up to 113's end.
            block.style.width = '4000px';
            const line = block.getBoundingClientRect(), last = [...a.getClientRects()].pop();
            const rtl = getComputedStyle(block).direction === 'rtl';
            block.style.width = Math.ceil(rtl ? line.right - last.left : last.right - line.left) + 'px';
          }
          let node = a.nextSibling;
          while (node && !(node.nodeType === Node.TEXT_NODE && node.data.includes('.'))) { node = node.nextSibling; }
          if (!node) { return 'no full stop after the link'; }
          const range = document.createRange();
          const at = node.data.indexOf('.');
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const stop = range.getClientRects()[0], number = [...a.getClientRects()].pop();
          const middle = r => r.top + r.height / 2;
          const text = [...node.data.slice(0, at + 1)].map(c => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' ');
          return Math.abs(middle(stop) - middle(number)) < number.height / 2
            ? 'same line'
            : `full stop at y=${Math.round(stop.top)}, 113 at y=${Math.round(number.top)}; text after the link ${text}`;
        }
        """;
}

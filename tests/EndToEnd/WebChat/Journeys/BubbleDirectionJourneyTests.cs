using System.Text.Json;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// Each message keeps the direction of its own text when the language changes: after an Arabic conversation, switching
/// to Bosnian drew every earlier Arabic bot bubble left to right (lines left-aligned, commands and punctuation at the
/// wrong ends), found in the web chat journey at 390×844.
/// </summary>
public sealed class BubbleDirectionJourneyTests
{
    // The computed direction of the bubble's text, and where two fragments of it are drawn, left to right on the screen.
    private const string Layout = """
        ([start, first, second]) => {
          const bubble = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes(start)).pop();
          const walker = document.createTreeWalker(bubble.querySelector('.webchat__text-content'), NodeFilter.SHOW_TEXT);
          const at = fragment => {
            walker.currentNode = walker.root;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const i = node.data.indexOf(fragment);
              if (i >= 0) { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + fragment.length); return r.getBoundingClientRect().left; }
            }
            return null;
          };
          const line = bubble.querySelector('.webchat__text-content p') || bubble.querySelector('.webchat__text-content');
          return { direction: getComputedStyle(line).direction, first: at(first), second: at(second) };
        }
        """;

    [Fact]
    public async Task Arabic_bubbles_stay_right_to_left_after_switching_to_Bosnian()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "bubble-direction");
        await chat.AcceptPrivacyAsync("ar");
        var help = Strings.Get("ar", "help.text");
        await chat.SayAsync("/help");
        await chat.BotSaysAsync(help[..10]);
        await chat.ShotAsync("arabic");

        await chat.Page.ClickAsync("header button[data-lang=hbs]");
        await chat.UntilAsync("() => document.getElementById('webchat').dir === 'ltr'"
            + " && document.querySelector('header button[data-lang=hbs]').getAttribute('aria-pressed') === 'true'");
        await chat.BotSaysAsync(Strings.Get("hbs", "language.chosen")[..10]);
        await chat.BotSaysAsync(help[..10]);
        await chat.ShotAsync("bosnian");

        // The Arabic help: right to left, so the command "/stop" is at the right of its Arabic explanation.
        var arabic = await LayoutAsync(chat, help[..10], "/stop", "أوقف");
        Assert.Equal("rtl", arabic.Direction);
        Assert.True(arabic.First > arabic.Second, $"'/stop' is drawn at {arabic.First}, left of its Arabic words at {arabic.Second}");
        // The Bosnian reply after it reads left to right.
        var chosen = Strings.Get("hbs", "language.chosen");
        var bosnian = await LayoutAsync(chat, chosen[..10], "Pisaću", "bosanskom");
        Assert.Equal("ltr", bosnian.Direction);
        Assert.True(bosnian.First < bosnian.Second, $"'Pisaću' is drawn at {bosnian.First}, right of 'bosanskom' at {bosnian.Second}");
    }

    private static async Task<(string? Direction, double First, double Second)> LayoutAsync(ChatPage chat, string bubble, string first, string second)
    {
        var layout = await chat.Page.EvaluateAsync<JsonElement>(Layout, new[] { bubble, first, second });
        return (layout.GetProperty("direction").GetString(), layout.GetProperty("first").GetDouble(), layout.GetProperty("second").GetDouble());
    }
}

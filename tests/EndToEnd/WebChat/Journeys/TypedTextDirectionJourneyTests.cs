using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// What the person typed reads in its own direction in the right-to-left chat: in the Arabic chat "/plan" showed as
/// "plan/" (found in the web chat journey), while typed Arabic stays right to left.
/// </summary>
public sealed class TypedTextDirectionJourneyTests
{
    // Where the first and the second character of the person's last bubble are drawn, left to right on the screen.
    private const string FirstTwoCharacters = """
        text => {
          const p = [...document.querySelectorAll('.webchat__bubble--from-user .webchat__text-content')].filter(e => e.textContent === text).pop();
          const node = p.firstChild;
          const at = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
          return [at(0), at(1)];
        }
        """;

    [Fact]
    public async Task A_command_typed_in_the_Arabic_chat_reads_left_to_right_and_Arabic_right_to_left()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "typed-direction");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.AcceptPrivacyAsync("ar");

        await chat.SayAsync("/help");
        await chat.BotSaysAsync(Strings.Get("ar", "help.text")[..10]);
        await chat.SayAsync("طبيب");
        await chat.ShotAsync("typed");

        var command = await chat.Page.EvaluateAsync<double[]>(FirstTwoCharacters, "/help");
        Assert.True(command[0] < command[1], $"'/' is drawn at {command[0]}, right of 'h' at {command[1]}: the person sees 'help/'");
        var arabic = await chat.Page.EvaluateAsync<double[]>(FirstTwoCharacters, "طبيب");
        Assert.True(arabic[0] > arabic[1], $"the first Arabic letter is drawn at {arabic[0]}, left of the second at {arabic[1]}");
    }
}

using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The console's topic settings form shows the flags an editor sets by hand (sensitive, emergency); a flag it does not
/// show (prerequisite, set in the identity card's file) must survive a save of that form, in real Chromium against the
/// real host (page language sl).
/// </summary>
public sealed class TopicFlagsBrowserTests
{
    private const int Patient = 90_000;

    // Saving the identity card's settings sent only the checked boxes, so "prerequisite" was removed: "do I need an ID
    // card for a SIM card" would have gone back to the identity card after the next publish.
    [Fact]
    public async Task Saving_the_settings_keeps_a_flag_the_form_does_not_show()
    {
        await using var session = await EditorSession.StartAsync("Ana", "sq");
        var console = session.Console;
        await session.OpenTopicAsync("identity-card");
        await console.Locator("#settings-sources").WaitForAsync(new() { Timeout = Patient });

        await console.Locator("#flag-sensitive").CheckAsync();
        await console.Locator("#settings-form button[type=submit]").ClickAsync();
        await console.Locator("#status", new() { HasText = "Nastavitve so shranjene kot različica 2" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#versions tr[data-version='2'] button.show-diff").ClickAsync();
        await console.Locator("#diff ins", new() { HasText = "+ sensitive" }).WaitForAsync(new() { Timeout = Patient });

        Assert.Equal(0, await console.Locator("#diff del", new() { HasText = "prerequisite" }).CountAsync());
    }
}

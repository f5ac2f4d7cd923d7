namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The console's login form on a fresh install, before anyone has an account.</summary>
public sealed class FirstLoginBrowserTests
{
    /// <summary>Seen walking the counselor journey on a fresh install: /console showed a login form, and every name and
    /// password got "Wrong name or password.", with no word that no account exists yet or how the first one is made
    /// (README, "First admin on a fresh install"). Once an account exists, a failed login says only that again: no
    /// answer tells which names exist.</summary>
    [Fact]
    public async Task Before_any_account_exists_a_login_says_how_to_create_the_first_admin()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);

        await page.FillAsync("input[name=name]", "Ana");
        await page.FillAsync("input[name=password]", "a-long-password");
        await page.ClickAsync("#login-form button[type=submit]");

        var error = page.Locator("#error:not([hidden])");
        await error.WaitForAsync();
        var text = await error.InnerTextAsync();
        Assert.Contains("No counselor account exists yet", text, StringComparison.Ordinal);
        Assert.Contains("counselor add NAME --languages sl,en --admin", text, StringComparison.Ordinal);

        await session.AddAdminAsync("Ana", "sl", "en");
        await page.FillAsync("input[name=name]", "Ana");
        await page.FillAsync("input[name=password]", "wrong-password");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#error", new() { HasText = "Wrong name or password." }).WaitForAsync();
    }
}

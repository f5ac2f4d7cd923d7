using IntegrationBot.Handoff.Canned;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// The Canned responses view once a fresh install has its 25 default responses. Walked with the keyboard: the form for
/// a new response came after the table, 50 Tab stops away (every row and its Delete button); every Delete button said
/// only "Delete", and one press deleted the response for every counselor at once, with no question.
/// </summary>
public sealed class CannedResponsesViewBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_form_for_a_new_response_is_a_few_tab_stops_from_the_views_tab()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddAdminAsync("Ana", "sl", "en");
        var page = await session.LoginAsync("Ana");
        await page.FocusAsync("button[data-view=canned]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#canned-rows tr").First.WaitForAsync();

        var stops = 0;
        while (await page.EvaluateAsync<string>("() => document.activeElement.id") != "canned-title" && stops < 80)
        {
            await page.Keyboard.PressAsync("Tab");
            stops++;
        }

        // The header's remaining controls (the Admin tab, Mute, Desktop notifications, Log out), then Language and Title.
        Assert.InRange(stops, 1, 8);
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Each_delete_button_names_its_response_and_deletes_only_after_a_yes()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddAdminAsync("Ana", "sl", "en");
        var page = await session.LoginAsync("Ana");
        var questions = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (answer ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await page.ClickAsync("button[data-view=canned]");
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete: en · Greeting", Exact = true });
        await delete.WaitForAsync();

        await delete.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("Greeting", Assert.Single(questions), StringComparison.Ordinal);
        await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 0))");
        Assert.NotNull(await session.Host.Services.GetRequiredService<ICannedResponseStore>().GetAsync("default-greeting-en", Ct));

        answer = true;
        await page.Keyboard.PressAsync("Enter");
        await delete.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Null(await session.Host.Services.GetRequiredService<ICannedResponseStore>().GetAsync("default-greeting-en", Ct));
        // The keyboard stays in the list, on the response that took the deleted one's place.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('#canned-rows') !== null");
        Assert.Empty(session.ScriptErrors);
    }
}

using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>The counselor side of handoff journeys: an office open around the clock and a logged-in console.</summary>
internal static class CounselorConsole
{
    public static readonly IReadOnlyDictionary<string, string> OpenEveryDay = new Dictionary<string, string>
    {
        ["IntegrationBot__Office__Name"] = "Starting Point Postojna",
        ["IntegrationBot__Office__Schedule__Mon"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Tue"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Wed"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Thu"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Fri"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Sat"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Sun"] = "00:00-23:59",
    };

    /// <summary>A fresh data folder with one counselor, added with the real command line before the host starts.</summary>
    public static async Task<string> DataWithCounselorAsync(string name, string password, string languages)
    {
        var data = Directory.CreateTempSubdirectory("ib-console-").FullName;
        var (exit, output) = await Cli.RunAsync(data, password + "\n", "counselor", "add", name, "--languages", languages);
        Assert.True(exit == 0, output);
        return data;
    }

    /// <summary>A desktop-sized console page, logged in, with the live queue connected.</summary>
    public static async Task<IPage> LoginAsync(IBrowser browser, HostProcess host, string name, string password)
    {
        var console = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        // Clicks and fills wait for what they need up to 90 s, as the explicit waits do: with the test projects and their
        // browsers in parallel on 2 cores, Playwright's default 30 s ran out once waiting for the live indicator.
        console.SetDefaultTimeout(90_000);
        await console.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await console.FillAsync("input[name=name]", name);
        await console.FillAsync("input[name=password]", password);
        await console.ClickAsync("#login-form button[type=submit]");
        await console.Locator("#live.on").WaitForAsync(new() { Timeout = 90_000 });
        return console;
    }
}

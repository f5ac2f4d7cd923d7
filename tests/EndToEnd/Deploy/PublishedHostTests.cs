using System.Net;
using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;
using IntegrationBot.EndToEnd.WebChat.Journeys;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Deploy;

/// <summary>
/// README "Deploy": the operator publishes the host into a folder and starts <c>dotnet FOLDER/IntegrationBot.Bot.dll</c>
/// on a server without the source tree, from whatever directory the service manager starts in. The folder must hold and
/// serve everything the chat page loads, the Web Chat bundle included (an npm package, never committed).
/// </summary>
public sealed partial class PublishedHostTests
{
    [Fact]
    public async Task A_published_host_started_from_another_directory_serves_the_chat_page_and_Web_Chat_from_its_own_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("ib-publish-");
        try
        {
            var published = Path.Combine(root.FullName, "srv");
            await PublishAsync(published, ct);

            var bundle = new FileInfo(Path.Combine(published, "wwwroot", "webchat", "webchat.js"));
            Assert.True(bundle.Exists, $"the publish has no {bundle.FullName}");
            // What the page needs, not the npm package and its manifests.
            Assert.Empty(Directory.GetDirectories(published, "node_modules", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(published, "package*.json", SearchOption.AllDirectories));

            // A file only the published folder has: the host serves its own folder, not the source tree that built it
            // (which a server does not have).
            await File.WriteAllTextAsync(Path.Combine(published, "wwwroot", "published-only.txt"), "from the published folder", ct);
            var elsewhere = Directory.CreateDirectory(Path.Combine(root.FullName, "elsewhere")).FullName;

            await using var host = await HostProcess.StartAsync(hostDirectory: published, workingDirectory: elsewhere);
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal("from the published folder", await http.GetStringAsync(new Uri("/published-only.txt", UriKind.Relative), ct));

            var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
            var scripts = ScriptSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("/webchat/webchat.js", scripts);
            foreach (var script in scripts)
            {
                using var response = await http.GetAsync(new Uri(script, UriKind.Relative), ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script}: {(int)response.StatusCode}");
                Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
                var served = await response.Content.ReadAsByteArrayAsync(ct);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(published, "wwwroot", script.TrimStart('/')), ct), served);
            }

            await WebChatOpensAsync(host.BaseAddress);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>What a person sees: on a phone, the chat page of the published host opens Web Chat and the bot greets.</summary>
    private static async Task WebChatOpensAsync(Uri url)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var chat = await ChatPage.OpenAsync(browser, url, "published-host");
        await chat.Page.ClickAsync("button[data-lang=en]");
        await chat.PressAsync(Strings.Get("en", "privacy.accept"));
        await chat.BotSaysAsync(Strings.Get("en", "privacy.accepted")[..20]);
        await chat.ShotAsync("privacy-accepted");
    }

    /// <summary>
    /// Publishes the host as README "Deploy" does, into <paramref name="folder"/>. It reuses this test run's build of the
    /// host (same configuration, <c>--no-build</c>) instead of a second full Release build with ReadyToRun: what the
    /// publish adds beyond the build (the web root, the Web Chat bundle) does not depend on either.
    /// </summary>
    private static async Task PublishAsync(string folder, CancellationToken ct)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var (exitCode, stdout, stderr) = await DotnetCommand.RunAsync(
            ["publish", RepositoryRoot.Combine("Bot", "Bot.csproj"), "-c", configuration, "--no-build", "-o", folder, "-nologo"], ct);
        Assert.True(exitCode == 0, $"dotnet publish failed: {stderr}{stdout}");
    }

    [GeneratedRegex("<script src=\"(/[^\"]+)\"")]
    private static partial Regex ScriptSource();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary><c>ask</c> answers from the live content: a sample question published in the console is found by the command line too.</summary>
public sealed class AskLiveContentTests
{
    private const string Question = "kje se dobi čebelarsko društvo za srečanja";

    [Fact]
    public async Task Ask_finds_the_topic_after_a_sample_question_is_published_in_the_console()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("ib-ask-live-").FullName;
        var (added, output) = await Cli.RunAsync(data, "editor-password-1\n", "counselor", "add", "Mojca", "--languages", "sl", "--editor");
        Assert.True(added == 0, output);
        var (_, before) = await Cli.RunAsync(data, Question + "\n", "ask", "--lang", "sl");
        Assert.DoesNotContain("\"topic\":\"leisure-culture\"", before, StringComparison.Ordinal);

        // The host deletes its data folder when disposed: stop it, ask, then dispose.
        await using var host = await HostProcess.StartAsync(dataPath: data);
        using var handler = new HttpClientHandler { UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        (await http.PostAsJsonAsync("/api/auth/login", new { name = "Mojca", password = "editor-password-1" }, ct)).EnsureSuccessStatusCode();
        var xsrf = handler.CookieContainer.GetCookies(host.BaseAddress)["XSRF-TOKEN"]!.Value;
        http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", xsrf);
        var topic = JsonNode.Parse(await http.GetStringAsync("/api/knowledge/topics/leisure-culture", ct))!;
        var sl = topic["languages"]!["sl"]!.DeepClone().AsObject();
        sl["questions"]!.AsArray().Add(Question);
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/knowledge/topics/leisure-culture/languages/sl", sl, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/knowledge/topics/leisure-culture/publish", null, ct)).StatusCode);
        Assert.Equal(0, await host.TerminateAsync(TimeSpan.FromSeconds(60)));

        var (exit, after) = await Cli.RunAsync(data, Question + "\n", "ask", "--lang", "sl");

        Assert.True(exit == 0, after);
        Assert.Contains("\"topic\":\"leisure-culture\"", after, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text.Json;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat;

/// <summary>Microsoft's botframework-directlinejs client (what Web Chat uses) holds a conversation with the real host.</summary>
public sealed class DirectLineClientTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Official_client_gets_the_echo_and_a_reply_to_every_message(string mode)
    {
        Requirements.DirectLineClient();
        await using var host = await HostProcess.StartAsync();

        var lines = await RunClientAsync(host, mode, "hello", "how do I open a bank account");

        var activities = lines.Where(l => l.TryGetProperty("id", out _)).ToList();
        var posted = lines.Where(l => l.TryGetProperty("posted", out _)).Select(l => l.GetProperty("posted").GetString()).ToList();
        Assert.Equal(2, posted.Count);
        foreach (var id in posted)
        {
            // The echo: the user's own message comes back with the id the POST returned, and a bot reply answers it.
            Assert.Contains(activities, a => a.GetProperty("id").GetString() == id && a.GetProperty("role").GetString() == "user");
            Assert.Contains(activities, a => a.GetProperty("role").GetString() == "bot" && a.GetProperty("replyToId").GetString() == id);
        }

        Assert.Contains(lines, l => l.TryGetProperty("done", out _));
    }

    private static async Task<List<JsonElement>> RunClientAsync(HostProcess host, string mode, params string[] messages)
    {
        var start = new ProcessStartInfo("node", ["converse.mjs", host.BaseAddress.ToString().TrimEnd('/'), mode, .. messages])
        {
            WorkingDirectory = RepoPaths.DirectLineClient,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(node.ExitCode == 0, $"client failed ({node.ExitCode}): {stdout}\n{stderr}\nhost:\n{host.Output}");
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}

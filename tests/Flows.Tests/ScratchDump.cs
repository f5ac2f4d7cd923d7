using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Dialogs.Activities;
namespace IntegrationBot.Flows.Tests;
public sealed class ScratchDump
{
    [Fact]
    public async Task Dump()
    {
        var scripts = File.ReadAllText("/tmp/i18tests/scripts.txt").Split("\n===\n");
        var output = new System.Text.StringBuilder();
        foreach (var script in scripts)
        {
            var lines0 = script.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var settings = lines0.Where(l => l.StartsWith("@set ")).ToDictionary(l => l[5..].Split('=')[0], l => (string?)l[5..].Split('=')[1]);
            await using var bot = FlowHarness.Create(settings: settings);
            output.AppendLine("######## SCRIPT");
            foreach (var line in script.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                IReadOnlyList<Activity> replies;
                if (line.StartsWith("@set ")) continue;
                if (line.StartsWith("@loc ")) replies = await bot.SendAsync(line[5..].Split(' ', 2)[1], line[5..].Split(' ', 2)[0]);
                else if (line.StartsWith("@fail")) { bot.Adapter.Sender.Behaviour = _ => IntegrationBot.Dialogs.Outbox.DeliveryResult.Failed("x", permanent: true); continue; }
                else if (line.StartsWith("@ok")) { bot.Adapter.Sender.Behaviour = _ => IntegrationBot.Dialogs.Outbox.DeliveryResult.Delivered; continue; }
                else if (line.StartsWith("@timeout")) { var r = (await bot.Queue.ListAsync(null, TestContext.Current.CancellationToken)).First(); await bot.Queue.TimeOutAsync(r.Id, IntegrationBot.Handoff.Queue.HandoffTimeoutReason.Unclaimed, TestContext.Current.CancellationToken); continue; }
                else if (line.StartsWith("@open")) replies = await bot.OpenAsync(line.Length > 6 ? line[6..] : null);
                else if (line.StartsWith("@advance ")) { bot.Clock.Advance(TimeSpan.Parse(line[9..])); continue; }
                else if (line == "@deliver") replies = await bot.DeliverAsync();
                else if (line.StartsWith("@claim ")) { var r = (await bot.Queue.ListAsync(null, TestContext.Current.CancellationToken)).First(); await bot.Queue.ClaimAsync(r.Id, line[7..], TestContext.Current.CancellationToken); continue; }
                else if (line.StartsWith("@say ")) { var r = (await bot.Queue.ListAsync(null, TestContext.Current.CancellationToken)).First(); await bot.Queue.SendCounselorMessageAsync(r.Id, "Maja", line[5..], TestContext.Current.CancellationToken); continue; }
                else if (line.StartsWith("@close")) { var r = (await bot.Queue.ListAsync(null, TestContext.Current.CancellationToken)).First(); await bot.Queue.CloseAsync(r.Id, "Maja", "resolved", TestContext.Current.CancellationToken); continue; }
                else replies = await bot.SendAsync(line);
                output.AppendLine(">>> " + line);
                foreach (var r in replies)
                {
                    output.AppendLine("<<< " + System.Text.Json.JsonSerializer.Serialize(r.Text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                    if (r.Buttons().Count > 0) output.AppendLine("    [" + string.Join(" | ", r.Buttons()) + "]");
                }
            }
        }
        File.WriteAllText("/tmp/i18tests/dump.txt", output.ToString());
    }
}

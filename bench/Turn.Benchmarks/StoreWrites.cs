using Process = System.Diagnostics.Process;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Handoff;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// <c>stores</c>: the per-call cost of the writes a web chat turn makes (transcript lines, web chat log entries), each
/// alone, sequentially, on a fresh LiteDB file with OS durability, so the figure is the time a write holds the
/// process's one write gate and not the disk's sync latency. Prints one JSON line.
/// </summary>
public static class StoreWrites
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(TimedRun.Option(args, "--writes", "20000"), CultureInfo.InvariantCulture);
        var directory = Path.Combine(TimedRun.Option(args, "--data-root", Path.GetTempPath()), "ib-store-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var database = LiteDbDatabaseFactory.Open(new StorageOptions { Path = directory, Durability = StorageOptions.OsDurability });
            var transcripts = new LiteDbTranscriptStore(database);
            var webChat = new LiteDbDirectLineStore(database, TimeProvider.System);
            var now = DateTimeOffset.UtcNow;

            // Everything runs twice and the second round counts: the first pays for JIT tiering and file growth.
            await MeasureRoundAsync(transcripts, webChat, now, count, "warm");
            var (transcriptLine, turnLines, webChatEntry) = await MeasureRoundAsync(transcripts, webChat, now, count, "run");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"writes\":{count},\"transcriptLineMicroseconds\":{transcriptLine.Wall:F1},\"transcriptLineCpuMicroseconds\":{transcriptLine.Cpu:F1},\"transcriptTurnOfThreeLinesMicroseconds\":{turnLines.Wall:F1},\"transcriptTurnOfThreeLinesCpuMicroseconds\":{turnLines.Cpu:F1},\"webChatEntryMicroseconds\":{webChatEntry.Wall:F1},\"webChatEntryCpuMicroseconds\":{webChatEntry.Cpu:F1}}}"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<((double Wall, double Cpu) Line, (double Wall, double Cpu) Turn, (double Wall, double Cpu) WebChat)> MeasureRoundAsync(
        LiteDbTranscriptStore transcripts, LiteDbDirectLineStore webChat, DateTimeOffset now, int count, string round)
    {
        // Lines as the transcript middleware writes them: keyed by activity, 50 conversations interleaved.
        var transcriptLine = await MeasureAsync(count, i => transcripts.AppendAsync(
            new TranscriptMessage("webchat", "c" + (i % 50), "u" + (i % 50), now, TranscriptAuthor.Bot, "A reply of ordinary length, a sentence or two.") { LineId = $"{round}{i}|bot|0" },
            CancellationToken.None));
        var turnLines = await MeasureAsync(count / 3, i => transcripts.AppendManyAsync(
            [
                new TranscriptMessage("webchat", "d" + (i % 50), "u" + (i % 50), now, TranscriptAuthor.User, "A question.") { LineId = $"{round}{i}|user" },
                new TranscriptMessage("webchat", "d" + (i % 50), "u" + (i % 50), now, TranscriptAuthor.Bot, "A reply of ordinary length.") { LineId = $"{round}{i}|bot|0" },
                new TranscriptMessage("webchat", "d" + (i % 50), "u" + (i % 50), now, TranscriptAuthor.Bot, "A second reply.") { LineId = $"{round}{i}|bot|1" },
            ],
            CancellationToken.None));
        var webChatEntry = await MeasureAsync(count, i => webChat.AppendAsync(
            "dl" + (i % 50),
            new Activity { Type = ActivityTypes.Message, Text = "A reply of ordinary length, a sentence or two." },
            "out:" + round + i.ToString(CultureInfo.InvariantCulture),
            CancellationToken.None));
        return (transcriptLine, turnLines, webChatEntry);
    }

    /// <summary>Wall time and process CPU time per write, in microseconds: on a shared machine CPU time is the steadier figure.</summary>
    private static async Task<(double Wall, double Cpu)> MeasureAsync(int count, Func<int, Task> write)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await write(i);
        }

        return (clock.Elapsed.TotalMicroseconds / count, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count);
    }
}

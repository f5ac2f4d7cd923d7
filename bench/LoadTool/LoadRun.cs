using System.Diagnostics;

namespace IntegrationBot.LoadTool;

/// <summary>
/// Two phases: open every conversation (token, start: the host stores it and runs a welcome turn; then the
/// language and privacy buttons when the bot asks), then let
/// <see cref="LoadOptions.Concurrency"/> migrants at a time ask their questions. Only the second phase is timed for
/// turns/s, latency and CPU; peak memory is the host's high-water mark at the end, with every conversation stored.
/// </summary>
public sealed class LoadRun(LoadOptions options, QuestionBank questions, Func<int, Uri, IMigrant> newMigrant)
{
    private const int OpenParallelism = 64;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var migrants = new IMigrant[options.Conversations];
        var errors = new ErrorCounter();
        var openClock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, options.Conversations, new ParallelOptions { MaxDegreeOfParallelism = OpenParallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            // Alternate conversations between the instances, as a load balancer would.
            var migrant = newMigrant(i, options.BaseUrls[i % options.BaseUrls.Count]);
            try
            {
                await migrant.OpenAsync(questions.LanguageOf(i), ct);
                await migrant.OnboardAsync(questions.LanguageIndexOf(i), questions.LanguageOf(i), ct);
                migrants[i] = migrant;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
            {
                errors.Note(e);
                await migrant.DisposeAsync();
            }
        });
        openClock.Stop();

        var before = options.HostPids.Select(HostProcess.Read).ToList();
        var cpuBefore = CpuClock.Now();
        var latencies = new LatencyStats();
        var talkClock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, options.Conversations, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            if (migrants[i] is not { } migrant)
            {
                return;
            }

            await using (migrant)
            {
                try
                {
                    await migrant.ConnectAsync(ct);
                    for (var turn = 0; turn < options.TurnsPerConversation; turn++)
                    {
                        latencies.Add(await migrant.AskAsync(questions.Question(i, turn), questions.LanguageOf(i), ct));
                        if (options.ThinkTime > TimeSpan.Zero)
                        {
                            await Task.Delay(options.ThinkTime, ct);
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or System.Net.WebSockets.WebSocketException
                    || (e is TaskCanceledException && !ct.IsCancellationRequested))
                {
                    errors.Note(e);
                }
            }
        });
        talkClock.Stop();
        var after = options.HostPids.Select(HostProcess.Read).ToList();
        var cpuAfter = CpuClock.Now();
        var tool = cpuAfter.Tool - cpuBefore.Tool;
        var machine = cpuAfter.MachineBusy - cpuBefore.MachineBusy;

        var cpu = before.Zip(after, (b, a) => b is null || a is null ? TimeSpan.Zero : a.CpuTime - b.CpuTime).Aggregate(TimeSpan.Zero, (x, y) => x + y);
        return new LoadReport(
            options.Label,
            options.BaseUrls.Count,
            options.Conversations,
            options.Concurrency,
            latencies.Count,
            errors.Count,
            errors.Summary(),
            openClock.Elapsed,
            talkClock.Elapsed,
            latencies.Count / talkClock.Elapsed.TotalSeconds,
            latencies.Percentile(50),
            latencies.Percentile(95),
            latencies.Percentile(99),
            cpu,
            cpu / talkClock.Elapsed,
            tool,
            tool / talkClock.Elapsed,
            machine / talkClock.Elapsed,
            after.Sum(p => p?.PeakResidentBytes ?? 0),
            after.Sum(p => p?.ResidentBytes ?? 0));
    }
}

using IntegrationBot.LoadTool;

// Drives simulated migrants through a running host's real HTTP endpoints (loopback only) and prints one table row.
// Example: dotnet run --project bench/LoadTool -- --base-url http://127.0.0.1:5080 --secret S --host-pid 1234 --conversations 1000
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 2;
}

using var stop = new CancellationTokenSource(options.MaxDuration);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
{
    Timeout = options.ReplyTimeout,
};

// Telegram: the hosts' Telegram client calls this fake Bot API (their ApiBaseUrl); migrants post to the webhook.
// Chats are new people on every run, also against a database an earlier run filled.
var firstChatId = Random.Shared.NextInt64(1_000_000_000L, 1L << 40);
await using var telegram = options.Channel == "telegram" ? await FakeTelegramApi.StartAsync(options.TelegramApiPort, options.TelegramToken) : null;
Func<int, Uri, IMigrant> Migrants(long chatBase) => telegram is null
    ? (_, baseUrl) => new DirectLineMigrant(http, baseUrl, options)
    : (i, baseUrl) => new TelegramMigrant(http, baseUrl, options, telegram, chatBase + i);

var questions = QuestionBank.Load(options.QuestionsDirectory);
try
{
    // Warm-up rounds: the same run with other people first, so the measured one sees a host whose JIT has settled
    // (a server runs for days; the first seconds of a fresh process compile thousands of methods).
    for (var round = 1; round <= options.WarmupRounds; round++)
    {
        var warmup = await new LoadRun(options, questions, Migrants(firstChatId + (long)round * options.Conversations)).RunAsync(stop.Token);
        await Console.Error.WriteLineAsync($"warm-up round {round}: {warmup.TableRow()}");
    }

    var report = await new LoadRun(options, questions, Migrants(firstChatId)).RunAsync(stop.Token);
    Console.WriteLine(report.TableRow());
    await Console.Error.WriteLineAsync(report.Json());
    return report.Turns > 0 ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync($"error: the run did not finish within {options.MaxDuration.TotalSeconds:F0} s (--max-seconds) and was stopped");
    return 1;
}

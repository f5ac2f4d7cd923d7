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

if (options.Channel == "telegram")
{
    await Console.Error.WriteLineAsync(await TelegramProbe.UnavailableReasonAsync(http, options.BaseUrls[0], stop.Token));
    return 3;
}

var questions = QuestionBank.Load(options.QuestionsDirectory);
try
{
    var report = await new LoadRun(http, options, questions).RunAsync(stop.Token);
    Console.WriteLine(report.TableRow());
    await Console.Error.WriteLineAsync(report.Json());
    return report.Turns > 0 ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync($"error: the run did not finish within {options.MaxDuration.TotalSeconds:F0} s (--max-seconds) and was stopped");
    return 1;
}

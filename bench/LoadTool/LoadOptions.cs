using System.Globalization;

namespace IntegrationBot.LoadTool;

/// <summary>The command line of the load tool; every bound (counts, duration, timeouts) has a default that ends the run.</summary>
public sealed record LoadOptions
{
    public IReadOnlyList<Uri> BaseUrls { get; init; } = [new("http://127.0.0.1:5080/")];

    public IReadOnlyList<int> HostPids { get; init; } = [];

    public string Secret { get; init; } = "";

    /// <summary><c>directline</c> (web chat) or <c>telegram</c> (webhook, answers through a local fake Bot API).</summary>
    public string Channel { get; init; } = "directline";

    /// <summary>Telegram: the port of the fake Bot API this tool serves (the hosts' <c>ApiBaseUrl</c> points at it).</summary>
    public int TelegramApiPort { get; init; }

    /// <summary>Telegram: the bot token the hosts were given (the fake checks it in every call's path).</summary>
    public string TelegramToken { get; init; } = "";

    /// <summary>Telegram: the hosts' webhook secret, sent in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
    public string TelegramSecret { get; init; } = "";

    public string Transport { get; init; } = "websocket";

    public int Conversations { get; init; } = 100;

    /// <summary>How many conversations run at once; the rest wait their turn (all of them stay stored on the host).</summary>
    public int Concurrency { get; init; } = 100;

    public int TurnsPerConversation { get; init; } = 5;

    public TimeSpan ThinkTime { get; init; } = TimeSpan.Zero;

    /// <summary>Whole runs with other people before the measured one (0: measure a fresh host, JIT included).</summary>
    public int WarmupRounds { get; init; }

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Hard stop for the whole run.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    public string QuestionsDirectory { get; init; } = "Knowledge/eval/parts";

    public string Label { get; init; } = "";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--base-url" => options with { BaseUrls = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u.TrimEnd('/') + "/"))] },
                "--host-pid" => options with { HostPids = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))] },
                "--secret" => options with { Secret = value },
                "--channel" => options with { Channel = value is "directline" or "telegram" ? value : throw new ArgumentException($"--channel is directline or telegram, not '{value}'.") },
                "--telegram-api-port" => options with { TelegramApiPort = Positive(value, args[i]) },
                "--telegram-token" => options with { TelegramToken = value },
                "--telegram-secret" => options with { TelegramSecret = value },
                "--transport" => options with { Transport = value },
                "--conversations" => options with { Conversations = Positive(value, args[i]) },
                "--concurrency" => options with { Concurrency = Positive(value, args[i]) },
                "--turns" => options with { TurnsPerConversation = Positive(value, args[i]) },
                "--warmup-rounds" => options with { WarmupRounds = int.Parse(value, CultureInfo.InvariantCulture) is >= 0 and var w ? w : throw new ArgumentException("--warmup-rounds is 0 or more.") },
                "--think-ms" => options with { ThinkTime = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--timeout-ms" => options with { ReplyTimeout = TimeSpan.FromMilliseconds(Positive(value, args[i])) },
                "--max-seconds" => options with { MaxDuration = TimeSpan.FromSeconds(Positive(value, args[i])) },
                "--questions" => options with { QuestionsDirectory = value },
                "--label" => options with { Label = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Option '{args[^1]}' needs a value.");
        }

        // The tool must never load anything but this machine.
        foreach (var url in options.BaseUrls.Where(u => !u.IsLoopback))
        {
            throw new ArgumentException($"{url} is not a loopback address; the load tool only targets 127.0.0.1.");
        }

        return options with { Concurrency = Math.Min(options.Concurrency, options.Conversations) };
    }

    private static int Positive(string value, string name)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{name} must be positive.");
    }
}

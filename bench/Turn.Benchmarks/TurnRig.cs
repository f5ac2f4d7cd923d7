using Stopwatch = System.Diagnostics.Stopwatch;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using IntegrationBot.Storage.LiteDb.Hosting;
using IntegrationBot.Handoff;
using IntegrationBot.Channels.DirectLine;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// The bot composed as the host composes it (<c>AddDialogsRuntime</c> over LiteDB in a temp directory, or memory),
/// driven in-process: each turn goes through the adapter's durable path and its replies through the outbox.
/// </summary>
public sealed class TurnRig : IAsyncDisposable
{
    private static readonly ChannelAccount BotAccount = new("bot", "IntegrationBot", RoleTypes.Bot);

    private readonly ServiceProvider _services;
    private readonly string _dataDirectory;
    private readonly bool _keepData;
    private readonly OutboxDispatcher _dispatcher;
    private long _nextId;
    private long _turnTicks;
    private long _deliveryTicks;

    private readonly string _channel;

    private TurnRig(ServiceProvider services, string dataDirectory, bool keepData, string channel)
    {
        _services = services;
        _channel = channel;
        _keepData = keepData;
        _dataDirectory = dataDirectory;
        Runner = new TurnRunner(services.GetRequiredService<BotRuntime>());
        Bot = services.GetRequiredService<IBot>();
        Sender = services.GetRequiredService<DiscardingSender>();
        _dispatcher = services.GetRequiredService<OutboxDispatcher>();
    }

    public TurnRunner Runner { get; }

    public IBot Bot { get; }

    public DiscardingSender Sender { get; }

    /// <summary>Replies delivered so far, on either channel.</summary>
    public long Delivered => Sender.Delivered + (_services.GetService<CountingWebChatSender>()?.Delivered ?? 0);

    /// <summary>Time spent in the adapter (middleware, bot, commit), for a breakdown of the turn's cost.</summary>
    public TimeSpan TurnTime => Stopwatch.GetElapsedTime(0, _turnTicks);

    /// <summary>LiteDB transactions committed so far (0 on memory storage).</summary>
    public long Transactions => _services.GetService<SharedLiteDatabase>()?.Transactions ?? 0;

    /// <summary>LiteDB's own commits: fewer than <see cref="Transactions"/> with the write journal, which commits many batches at once.</summary>
    public long LiteDbCommits => _services.GetService<SharedLiteDatabase>()?.LiteDbCommits ?? 0;

    /// <summary>Time spent delivering replies from the outbox.</summary>
    public TimeSpan DeliveryTime => Stopwatch.GetElapsedTime(0, _deliveryTicks);

    /// <summary>
    /// Builds the rig with <paramref name="storage"/> (<c>litedb</c> or <c>memory</c>) and the bot <paramref name="bot"/> names;
    /// <paramref name="keepTranscripts"/> false swaps the flows' transcript store for one that keeps nothing, to split the turn's cost.
    /// </summary>
    /// <param name="keepData">When set, the data goes into this directory and stays after the run (a host can then open the file).</param>
    /// <param name="channel"><c>bench</c> (replies discarded) or <c>webchat</c>: the user's message is stored in the Direct
    /// Line log first, as the web chat endpoint does, and replies go through the real Direct Line sender into that log.</param>
    public static TurnRig Start(string storage, string bot, string? dataRoot = null, bool keepTranscripts = true, string? keepData = null, string channel = DiscardingSender.Channel)
    {
        var dataDirectory = keepData ?? Path.Combine(dataRoot ?? Path.GetTempPath(), "ib-turn-bench-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["IntegrationBot:Storage:Provider"] = storage,
                ["IntegrationBot:Storage:Path"] = dataDirectory,
                // fsync (default) or os; the environment variable a host would use, so both modes can be timed.
                ["IntegrationBot:Storage:Durability"] = Environment.GetEnvironmentVariable("IntegrationBot__Storage__Durability") ?? "fsync",
                // The write journal (default on); "false" times LiteDB committing every turn, side by side in one build.
                ["IntegrationBot:Storage:Journal"] = Environment.GetEnvironmentVariable("IntegrationBot__Storage__Journal") ?? "true",
                ["IntegrationBot:Office:Name"] = "Starting Point",
                ["IntegrationBot:Office:Address"] = "Postojna",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDialogsRuntime(configuration);
        if (storage == StorageOptions.MemoryProvider)
        {
            services.AddMemoryStorage();
        }
        else
        {
            services.AddLiteDbStorage();
        }
        services.AddSingleton<IMiddleware, LocaleMiddleware>();
        services.AddSingleton<DiscardingSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<DiscardingSender>());
        if (channel == DirectLineInbox.ChannelId)
        {
            services.AddSingleton<RecentActivities>();
            services.AddSingleton<ConversationSignals>();
            services.AddSingleton<DirectLineSender>();
            services.AddSingleton<CountingWebChatSender>();
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<CountingWebChatSender>());
        }
        else if (channel != DiscardingSender.Channel)
        {
            throw new ArgumentException($"Unknown channel '{channel}' (bench or webchat).", nameof(channel));
        }

        services.AddSingleton(_ => KnowledgeEngine.LoadDefault());
        AddBot(services, configuration, bot, keepTranscripts);
        return new TurnRig(services.BuildServiceProvider(), dataDirectory, keepData is not null, channel);
    }

    /// <summary>
    /// The bot under test: "flows" is the real conversation bot exactly as the host registers it; "qna" the stand-in
    /// used before it existed; "peer" the small flow of the peer comparison.
    /// </summary>
    private static void AddBot(IServiceCollection services, IConfiguration configuration, string bot, bool keepTranscripts)
    {
        _ = configuration;
        switch (bot)
        {
            case "flows":
                services.AddHandoff(configuration);
                services.AddIntegrationBotFlows(configuration);
                if (!keepTranscripts)
                {
                    services.AddSingleton<ITranscriptStore, DiscardingTranscripts>();
                }

                break;
            case "qna":
                services.AddSingleton<IBot, QnaTurnBot>();
                break;
            case "peer":
                services.AddSingleton(_ => PeerFlowTexts.Load());
                services.AddSingleton<IBot, PeerFlowBot>();
                break;
            default:
                throw new ArgumentException($"Unknown bot '{bot}' (flows, qna or peer).", nameof(bot));
        }
    }

    /// <summary>A user message in conversation number <paramref name="conversation"/> with a fresh inbound id.</summary>
    public Activity Message(int conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ChannelId = _channel,
        Conversation = new ConversationAccount("c" + conversation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        From = new ChannelAccount("u" + conversation.ToString(System.Globalization.CultureInfo.InvariantCulture), null, RoleTypes.User),
        Recipient = BotAccount,
        Text = text,
    };

    /// <summary>
    /// Brings a conversation to the point where a question gets an answer: with the real bot that is the greeting,
    /// the language button and accepting the privacy notice; the other bots need nothing.
    /// </summary>
    public async Task OnboardAsync(int conversation, string language, CancellationToken cancellationToken = default)
    {
        if (_channel == DirectLineInbox.ChannelId)
        {
            // As the page does first (POST /v3/directline/conversations): only that creates a conversation in the log.
            var user = "u" + conversation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _services.GetRequiredService<IDirectLineStore>().CreateConversationAsync("c" + conversation.ToString(System.Globalization.CultureInfo.InvariantCulture), user, null, cancellationToken);
        }

        if (_services.GetService<Localizer>() is not { } texts)
        {
            return;
        }

        await RunTurnAsync(Message(conversation, "") with { Type = ActivityTypes.ConversationUpdate, Text = null, MembersAdded = [new ChannelAccount("u" + conversation.ToString(System.Globalization.CultureInfo.InvariantCulture), null, RoleTypes.User)] }, cancellationToken);
        await RunTurnAsync(Message(conversation, texts.Get(language, "language.name")), cancellationToken);
        await RunTurnAsync(Message(conversation, texts.Get(language, "privacy.accept")), cancellationToken);
    }

    /// <summary>One turn: process, commit, then deliver its replies.</summary>
    public async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        TurnEcho? echo = null;
        if (_channel == DirectLineInbox.ChannelId)
        {
            (activity, echo) = await WebChatEntryAsync(activity, cancellationToken);
        }

        await Runner.ProcessActivityAsync(activity, Bot, cancellationToken);
        if (echo is not null)
        {
            // As the endpoint: the message is acknowledged once durable (on LiteDB, with the turn's commit).
            await echo.Durable;
        }

        var committed = Stopwatch.GetTimestamp();
        await _dispatcher.DrainOnceAsync(cancellationToken);
        Interlocked.Add(ref _turnTicks, committed - start);
        Interlocked.Add(ref _deliveryTicks, Stopwatch.GetTimestamp() - committed);
    }

    /// <summary>What the web chat endpoint does before the turn (<c>DirectLineInbox</c>): a greeting opens the conversation
    /// in the log; a message gets its place there (the echo; on LiteDB written by the turn's commit) and its id becomes the turn's inbound id.</summary>
    private async Task<(Activity Activity, TurnEcho? Echo)> WebChatEntryAsync(Activity activity, CancellationToken cancellationToken)
    {
        var store = _services.GetRequiredService<IDirectLineStore>();
        var conversationId = activity.Conversation!.Id;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await store.CreateConversationAsync(conversationId, activity.From!.Id, null, cancellationToken);
            return (activity with { Id = conversationId + "|welcome" }, null);
        }

        var echo = await store.AppendBeforeTurnAsync(conversationId, activity with { Id = null }, "client:" + activity.Id, cancellationToken)
            ?? throw new InvalidOperationException($"web chat conversation {conversationId} was not opened");
        return (echo.Appended.Activity, echo);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

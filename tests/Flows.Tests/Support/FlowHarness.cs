using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Hosting;
using IntegrationBot.Handoff;

namespace IntegrationBot.Flows.Tests.Support;

/// <summary>
/// The real flows wired as the host wires them (runtime, Handoff, flows) on a LiteDB file in a temp directory, driven
/// through a <see cref="TestAdapter"/>. The clock stands on Monday 23 Nov 2026, 10:00 in Ljubljana (office open).
/// </summary>
public sealed class FlowHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    private FlowHarness(TempDataDirectory directory, bool ownsDirectory, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Time = clock;
        var values = new Dictionary<string, string?>
        {
            ["IntegrationBot:Storage:Path"] = directory.Path,
            ["IntegrationBot:Office:Name"] = "Starting Point",
            ["IntegrationBot:Office:Address"] = "Tržaška cesta 1, Postojna",
            ["IntegrationBot:Office:Phone"] = "05 700 00 00",
            ["IntegrationBot:Office:Schedule:Mon"] = "08:00-15:00",
            ["IntegrationBot:Office:Schedule:Tue"] = "08:00-15:00",
            ["IntegrationBot:Office:Schedule:Wed"] = "08:00-15:00",
            ["IntegrationBot:Office:Schedule:Thu"] = "08:00-15:00",
            ["IntegrationBot:Office:Schedule:Fri"] = "08:00-15:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddDialogsRuntime(configuration)
            .AddLiteDbStorage()
            .AddHandoff(configuration)
            .AddIntegrationBotFlows(configuration)
            .BuildServiceProvider();

        Adapter = TestAdapter.Create(
            _services.GetRequiredService<IStorage>(),
            _services.GetRequiredService<ITurnStore>(),
            _services.GetRequiredService<IOutboxStore>(),
            clock,
            _services.GetServices<IMiddleware>(),
            observer: _services.GetService<IDeliveryObserver>());
        Bot = _services.GetRequiredService<AssistantBot>();
    }

    public TempDataDirectory Directory { get; }

    /// <summary>The clock of the default harness, moved by the test (timers included).</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)Time;

    /// <summary>The clock the bot and its reminders read.</summary>
    public TimeProvider Time { get; }

    public TestAdapter Adapter { get; }

    public AssistantBot Bot { get; }

    public HandoffQueue Queue => _services.GetRequiredService<HandoffQueue>();

    /// <summary>Adds a counselor speaking all five languages (a transfer target).</summary>
    public Task AddCounselorAsync(string name) =>
        _services.GetRequiredService<IntegrationBot.Handoff.Counselors.CounselorDirectory>().AddAsync(name, ["sl", "en", "sq", "hbs", "ar"], $"{name}-password-1", false, TestContext.Current.CancellationToken);

    public ITranscriptStore Transcripts => _services.GetRequiredService<ITranscriptStore>();

    public IUnansweredQuestionLog Unanswered => _services.GetRequiredService<IUnansweredQuestionLog>();

    public Localizer Localizer => _services.GetRequiredService<Localizer>();

    public Knowledge.Content.TopicCatalog Catalog => _services.GetRequiredService<Knowledge.Content.TopicCatalog>();

    public Knowledge.Content.OfficeInfo Office => _services.GetRequiredService<Knowledge.Content.OfficeInfo>();

    /// <summary>
    /// A topic's answer as the bot sends it (office filled, steps numbered 1, 2, 3, [n] markers removed, a "Source:"
    /// line with the cited URLs, script and direction rendered), whitespace squashed.
    /// </summary>
    public string AnswerOf(string topic, Voice voice)
    {
        var raw = Catalog.Find(topic)!.AnswerIn(voice.Language);
        var sources = Knowledge.Content.SourceMarkers.CitedUrls(raw, Catalog.Find(topic)!.Sources);
        var text = Knowledge.Content.SourceMarkers.Strip(Flows.Answers.StepNumbers.Consecutive(Knowledge.Content.OfficePlaceholders.Fill(raw, Office.ShownIn(voice.Language), Flows.Answers.AnswerText.OfficeFallbackFor(Localizer, voice.Language))))
            + "\n" + Localizer.Get(voice.Language, "answer.source") + "\n" + string.Join("\n", sources);
        return Squash(Localizer.Render(voice, text));
    }

    /// <summary>An <see cref="AnswerOf"/> up to its first local-directory placeholder (<c>{dir.*}</c>, which AnswerOf leaves unfilled).
    /// Rendered in Arabic, the placeholder's Latin name is isolated inside its braces: <c>{\u2066dir.*\u2069}</c>.</summary>
    public static string UpToDirectory(string answer)
    {
        int[] starts = [answer.IndexOf("{dir.", StringComparison.Ordinal), answer.IndexOf("{" + BidiText.LeftToRightIsolate + "dir.", StringComparison.Ordinal)];
        return answer[..starts.Where(at => at >= 0).DefaultIfEmpty(answer.Length).Min()];
    }

    /// <summary>The answer messages of a reply list (all but the closing "was this helpful?"), joined, whitespace squashed.</summary>
    public static string AnswerText(IReadOnlyList<Activity> replies) => Squash(string.Join(" ", replies.Take(replies.Count - 1).Select(r => r.Text)));

    private static string Squash(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public IStorage Storage => _services.GetRequiredService<IStorage>();

    public SharedLiteDatabase Database => _services.GetRequiredService<SharedLiteDatabase>();

    public static FlowHarness Create(TempDataDirectory? directory = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(directory ?? new TempDataDirectory(), directory is null, new FakeTimeProvider(MondayMorning), settings);

    /// <summary>A harness on a clock the test controls fully, timers included (reminders).</summary>
    public static FlowHarness Create(TimeProvider clock, TempDataDirectory? directory = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(directory ?? new TempDataDirectory(), directory is null, clock, settings);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// A transcript test over this harness: <c>bot.Flow().Send("/help").AssertReply("…", "Back to menu", …).StartTestAsync()</c>.
    /// Buttons are pressed by sending their title, as the channels do.
    /// </summary>
    public TestFlow Flow() => new(Adapter, Bot);

    /// <summary>Sends a message and returns every reply of that turn.</summary>
    public Task<IReadOnlyList<Activity>> SendAsync(string? text, string? locale = null) =>
        SendAsync(Adapter.MakeMessage(text) with { Locale = locale });

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        await Adapter.SendAsync(activity, Bot, TestContext.Current.CancellationToken);
        return Drain();
    }

    /// <summary>A new conversation opens (as a chat client announces it), optionally with the client's locale.</summary>
    public Task<IReadOnlyList<Activity>> OpenAsync(string? locale = null) =>
        SendAsync(Adapter.MakeMessage(null) with { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Adapter.User], Locale = locale });

    /// <summary>Delivers what proactive turns (counselor events) queued, and returns it.</summary>
    public async Task<IReadOnlyList<Activity>> DeliverAsync()
    {
        await Adapter.Dispatcher.DrainOnceAsync(TestContext.Current.CancellationToken);
        return Drain();
    }

    public string Text(string language, string key, IReadOnlyDictionary<string, string>? args = null) =>
        Localizer.Say(new Voice(language), key, args);

    public string Title(string language, string key) => Localizer.Get(language, key);

    /// <summary>Greeting, a language button, Accept: the common start of a conversation.</summary>
    public async Task StartInAsync(string language, bool acceptPrivacy = true)
    {
        await OpenAsync();
        await SendAsync(Localizer.Get(language, "language.name"));
        if (acceptPrivacy)
        {
            await SendAsync(Localizer.Get(language, "privacy.accept"));
        }
    }

    /// <summary>Started in <paramref name="language"/>, asked for a counselor, and <paramref name="counselor"/> took the
    /// request (what the person was told delivered): the request.</summary>
    public async Task<HandoffRequest> WithCounselorAsync(string language, string counselor = "Maja")
    {
        await StartInAsync(language);
        await SendAsync("/counselor");
        var request = Assert.Single(await Queue.ListAsync(HandoffStatus.Waiting, TestContext.Current.CancellationToken));
        await Queue.ClaimAsync(request.Id, counselor, TestContext.Current.CancellationToken);
        await DeliverAsync();
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Dispose();
        }
    }

    private List<Activity> Drain()
    {
        var replies = new List<Activity>();
        while (Adapter.Sender.TryTake(out var reply))
        {
            replies.Add(reply);
        }

        return replies;
    }
}

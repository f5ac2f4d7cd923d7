using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Handoff;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Support;

/// <summary>Real Handoff components on a LiteDB file in a temp directory; Reopen() simulates a restart.</summary>
public sealed class HandoffWorld : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "handoff-tests-" + Guid.NewGuid().ToString("N"));

    public HandoffWorld(DateTimeOffset? now = null, HandoffOptions? options = null)
    {
        System.IO.Directory.CreateDirectory(_directory);
        Clock = new FakeTimeProvider(now ?? Monday10Local);
        Options = options ?? new HandoffOptions();
        Open();
    }

    /// <summary>Monday 23 Nov 2026, 10:00 in Ljubljana (CET, UTC+1): the office is open.</summary>
    public static DateTimeOffset Monday10Local { get; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static OfficeOptions OfficeOptions { get; } = new()
    {
        TimeZone = "Europe/Ljubljana",
        Schedule = new(StringComparer.OrdinalIgnoreCase) { ["Mon"] = "08:00-15:00", ["Tue"] = "08:00-15:00", ["Wed"] = "08:00-12:00,13:00-17:00", ["Thu"] = "08:00-15:00", ["Fri"] = "08:00-15:00" },
        Holidays = ["2026-12-25", "2026-12-26", "2027-01-01"],
    };

    public string DatabasePath => Path.Combine(_directory, "integrationbot.db");
    public FakeTimeProvider Clock { get; }
    public HandoffOptions Options { get; }
    public RecordingMessenger Messenger { get; } = new();
    public OfficeHours Office { get; } = new(OfficeOptions);
    public SharedLiteDatabase Database { get; private set; } = null!;
    public LiteDbHandoffStore Store { get; private set; } = null!;
    public LiteDbTranscriptStore Transcripts { get; private set; } = null!;
    public LiteDbUnansweredQuestionLog Unanswered { get; private set; } = null!;
    public LiteDbCounselorStore Counselors { get; private set; } = null!;
    public LiteDbCannedResponseStore Canned { get; private set; } = null!;
    public CounselorDirectory Directory { get; private set; } = null!;
    public HandoffEvents Events { get; } = new();
    public HandoffQueue Queue { get; private set; } = null!;
    public HandoffTimeoutService Timeouts { get; private set; } = null!;
    public RetentionService Retention { get; private set; } = null!;
    public UserDataService UserData { get; private set; } = null!;
    public DashboardService Dashboard { get; private set; } = null!;

    public void Reopen()
    {
        Database.Dispose();
        Open();
    }

    public Task<HandoffTicket> EnqueueAsync(string conversation, string language = "en", HandoffReason reason = HandoffReason.AskedForHuman, string channel = "webchat", string? user = null) =>
        Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress(channel, conversation, user ?? "user-" + conversation, "{}"), language, "housing", reason), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Database.Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private void Open()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Database = new SharedLiteDatabase(new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }), DatabasePath);
        Store = new LiteDbHandoffStore(Database, Office);
        Transcripts = new LiteDbTranscriptStore(Database);
        Unanswered = new LiteDbUnansweredQuestionLog(Database);
        Counselors = new LiteDbCounselorStore(Database);
        Canned = new LiteDbCannedResponseStore(Database);
        Directory = new CounselorDirectory(Counselors, options, Clock);
        Queue = new HandoffQueue(Store, Transcripts, Counselors, Messenger, Office, Events, options, Clock, NullLogger<HandoffQueue>.Instance);
        Timeouts = new HandoffTimeoutService(Queue, Office, options, Clock, NullLogger<HandoffTimeoutService>.Instance);
        Retention = new RetentionService([Store, Transcripts, Unanswered], [], options, Clock, NullLogger<RetentionService>.Instance);
        UserData = new UserDataService([Store, Transcripts, Unanswered]);
        Dashboard = new DashboardService(Store, Unanswered, Office, Clock);
    }
}

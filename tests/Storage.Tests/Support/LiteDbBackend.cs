using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.Storage.LiteDb.Handoff;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>The LiteDB stores on a real file in a temp directory.</summary>
public sealed class LiteDbBackend : IStoreBackend
{
    private readonly TempDataDirectory _directory = new();
    private readonly SharedLiteDatabase _database;

    public LiteDbBackend()
    {
        _database = _directory.Open();
        Storage = new LiteDbStorage(_database);
        Outbox = new LiteDbOutboxStore(_database);
        Handoffs = new LiteDbHandoffStore(_database, new OfficeHours(new OfficeOptions()));
        Transcripts = new LiteDbTranscriptStore(_database);
        Unanswered = new LiteDbUnansweredQuestionLog(_database);
        Counselors = new LiteDbCounselorStore(_database);
        Canned = new LiteDbCannedResponseStore(_database);
    }

    public IStorage Storage { get; }

    public IOutboxStore Outbox { get; }

    public IHandoffStore Handoffs { get; }

    public ITranscriptStore Transcripts { get; }

    public IUnansweredQuestionLog Unanswered { get; }

    public ICounselorStore Counselors { get; }

    public ICannedResponseStore Canned { get; }

    public ITurnStore TurnStore(TimeProvider time) => new LiteDbTurnStore(_database, time);

    public IDirectLineStore DirectLine(TimeProvider time) => new LiteDbDirectLineStore(_database, time);

    public RuntimeUserData RuntimeUserData(IEnumerable<IUserConversationDirectory> directories)
    {
        var data = new DialogsUserData(_database, directories, TimeProvider.System);
        return new RuntimeUserData(data, data);
    }

    public WebChatUserData WebChatUserData(IDirectLineStore log)
    {
        var data = new DirectLineUserData(_database, log);
        return new WebChatUserData(data, data, data);
    }

    public Task<IStoreBackend?> SecondInstanceAsync() => Task.FromResult<IStoreBackend?>(null);

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

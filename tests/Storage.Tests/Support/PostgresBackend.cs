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
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Handoff;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Postgres.Privacy;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Postgres.State;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>The PostgreSQL stores in a schema of their own; the first instance drops the schema when disposed.</summary>
public sealed class PostgresBackend : IStoreBackend
{
    private readonly bool _ownsSchema;
    private readonly List<PostgresBackend> _others = [];

    private PostgresBackend(string connectionString, string schema, bool ownsSchema)
    {
        ConnectionString = connectionString;
        _ownsSchema = ownsSchema;
        Database = new PostgresDatabase(connectionString, schema);
        Storage = new PostgresStorage(Database, TimeProvider.System);
        Outbox = new PostgresOutboxStore(Database, TimeSpan.FromMinutes(1));
        Handoffs = new PostgresHandoffStore(Database, new OfficeHours(new OfficeOptions()));
        Transcripts = new PostgresTranscriptStore(Database);
        Unanswered = new PostgresUnansweredQuestionLog(Database);
        Counselors = new PostgresCounselorStore(Database);
        Canned = new PostgresCannedResponseStore(Database);
    }

    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

    public IStorage Storage { get; }

    public IOutboxStore Outbox { get; }

    public IHandoffStore Handoffs { get; }

    public ITranscriptStore Transcripts { get; }

    public IUnansweredQuestionLog Unanswered { get; }

    public ICounselorStore Counselors { get; }

    public ICannedResponseStore Canned { get; }

    /// <summary>Opens a fresh schema, or skips the test when no server is configured.</summary>
    public static async Task<PostgresBackend> OpenAsync()
    {
        var backend = new PostgresBackend(PostgresServer.Require(), PostgresServer.NewSchema(), ownsSchema: true);
        await backend.Database.EnsureSchemaAsync(CancellationToken.None);
        return backend;
    }

    public ITurnStore TurnStore(TimeProvider time) => new PostgresTurnStore(Database, time);

    public IDirectLineStore DirectLine(TimeProvider time) => new PostgresDirectLineStore(Database, time);

    public RuntimeUserData RuntimeUserData(IEnumerable<IUserConversationDirectory> directories)
    {
        var data = new PostgresDialogsUserData(Database, directories);
        return new RuntimeUserData(data, data);
    }

    public WebChatUserData WebChatUserData(IDirectLineStore log)
    {
        // Reads the tables directly, like the LiteDB one reads its collections; the log is the same database.
        var data = new PostgresDirectLineUserData(Database);
        return new WebChatUserData(data, data, data);
    }

    public Task<IStoreBackend?> SecondInstanceAsync() => Task.FromResult<IStoreBackend?>(Second());

    /// <summary>Another "host" on the same schema: its own connection pool and instance id.</summary>
    public PostgresBackend Second()
    {
        var other = new PostgresBackend(ConnectionString, Database.Schema, ownsSchema: false);
        _others.Add(other);
        return other;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.Database.DisposeAsync();
        }

        await Database.DisposeAsync();
        if (_ownsSchema)
        {
            await PostgresServer.DropSchemaAsync(ConnectionString, Database.Schema);
        }
    }
}

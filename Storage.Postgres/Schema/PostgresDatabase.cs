using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Outbox;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// The shared PostgreSQL database of all instances: one pooled data source whose connections see only
/// <see cref="Schema"/>. The schema is created and migrated before the first connection is handed out.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        Schema = schema;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "IntegrationBot";
        }

        // Keys lists only what the connection string set, under Npgsql's canonical names (any spelling, quoting honoured).
        if (!builder.Keys.Cast<string>().Contains("Maximum Pool Size", StringComparer.OrdinalIgnoreCase))
        {
            // Npgsql's default of 100 per process is the whole of a default server's max_connections (100, a few kept
            // for superusers): one busy instance, or two at all, then met "53300: sorry, too many clients already"
            // under load and failed requests. A small pool per instance also runs faster: the server works best with a
            // few connections per core, and waiting for a pooled connection is cheaper than a refused one.
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!builder.Keys.Cast<string>().Contains("No Reset On Close", StringComparer.OrdinalIgnoreCase))
        {
            // Npgsql otherwise sends DISCARD ALL with the first command after every return to the pool: one statement more
            // per store call (about 14 per turn measured, issue 19), and it drops the session's cached plans, the turn
            // functions' included. Nothing here leaves session state behind: turns lock with transaction-scoped advisory
            // locks, the session-level lock of PostgresConversationLock is always released, and LISTEN has its own
            // unpooled connection.
            builder.NoResetOnClose = true;
        }

        // Kept whole: the data source's own ConnectionString drops the password.
        _connectionString = builder.ConnectionString;
        MaxPoolSize = builder.MaxPoolSize;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    /// <summary>Connections per instance when the connection string does not set <c>Maximum Pool Size</c>.</summary>
    public const int DefaultMaxPoolSize = 30;

    public string Schema { get; }

    /// <summary>Connections the pool may open (<c>Maximum Pool Size</c>, <see cref="DefaultMaxPoolSize"/> unless the connection string says otherwise).</summary>
    public int MaxPoolSize { get; }

    /// <summary>Identifies this process in notifications, so it can ignore its own.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The LISTEN/NOTIFY channel for handoff queue changes; per schema so deployments sharing a database stay apart.</summary>
    public string HandoffChannel => Schema + "_handoff";

    /// <summary>The LISTEN/NOTIFY channel for knowledge-base publishes (payload: instance id and topic id).</summary>
    public string KnowledgeChannel => Schema + "_knowledge";

    /// <summary>The LISTEN/NOTIFY channel for Direct Line appends (payload: instance id and conversation id).</summary>
    public string DirectLineChannel => Schema + "_directline";

    /// <summary>Web chat reply lines this instance's turn commits wrote, waiting for their delivery to announce them (issue 19).</summary>
    internal CommittedWebChatLines WebChatLines { get; } = new();

    /// <summary>People's web chat messages posted here whose lines their turns' commits write (issue 19).</summary>
    internal PendingWebChatEchoes WebChatEchoes { get; } = new();

    /// <summary>Outbox entries this instance's turn commits leased to its own dispatcher (issue 19).</summary>
    internal LeasedOutboxEntries LeasedOutbox { get; } = new();

    /// <summary>Opens a pooled connection, migrating the schema first if this process has not done so yet.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Creates or upgrades the schema; idempotent and safe when several instances start at once.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await SchemaMigrator.MigrateAsync(connection, Schema, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>A connection outside the pool's reuse, for LISTEN, which must stay on one session.</summary>
    public async ValueTask<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _migrationGate.Dispose();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _migrationGate.Dispose();
    }
}

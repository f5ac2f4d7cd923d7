using Npgsql;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>The test PostgreSQL server named by env <c>IntegrationBot_TestPostgres</c> (set by .ci/run).</summary>
public static class PostgresServer
{
    public const string Variable = "IntegrationBot_TestPostgres";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string, or a skip naming the variable when no server is configured.</summary>
    public static string Require() =>
        ConnectionString ?? throw SkipNow();

    /// <summary>A schema name nobody else uses, so tests running in parallel never see each other's rows.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    public static async Task DropSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static Exception SkipNow()
    {
        Assert.Skip($"PostgreSQL not configured: set {Variable} (e.g. Host=127.0.0.1;Username=integrationbot;Password=integrationbot;Database=integrationbot); .ci/run does.");
        return new InvalidOperationException("unreachable");
    }
}

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>The PostgreSQL part of section <c>IntegrationBot:Storage</c> (env <c>IntegrationBot__Storage__ConnectionString</c> ...).</summary>
public sealed class PostgresStorageOptions
{
    public const string SectionName = "IntegrationBot:Storage";
    public const string PostgresProvider = "postgres";

    /// <summary><c>litedb</c> (default), <c>memory</c> or <c>postgres</c>; only <c>postgres</c> concerns this project.</summary>
    public string Provider { get; set; } = "litedb";

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Username=integrationbot;Password=...;Database=integrationbot</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Schema holding the tables; created on start. Several deployments can share one database with different schemas.</summary>
    public string Schema { get; set; } = "public";

    /// <summary>How long an instance owns an outbox entry it took for delivery; after that another instance may retry it.</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsSelected => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}

using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Tests.Support;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// Each instance's pool stays well below a default server's max_connections (100) unless the connection string says
/// otherwise: with Npgsql's own default (100 per process) one loaded instance, or two at all, were refused connections.
/// </summary>
public sealed class PostgresPoolSizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Host=db;Username=u;Password=p;Database=d", PostgresDatabase.DefaultMaxPoolSize)]
    [InlineData("Host=db;Username=u;Password=p;Database=d;Maximum Pool Size=7", 7)]
    [InlineData("Host=db;Username=u;Password=p;Database=d;maximum pool size=80", 80)]
    [InlineData("Host=db;MaxPoolSize=5;Username=u", 5)]
    [InlineData("Host=db;Username=u;Password='x;MaxPoolSize=3'", PostgresDatabase.DefaultMaxPoolSize)]
    public void The_pool_is_small_unless_the_connection_string_sets_it(string connectionString, int expected)
    {
        using var database = new PostgresDatabase(connectionString, "public");

        Assert.Equal(expected, database.MaxPoolSize);
    }

    [Fact]
    public async Task The_default_pool_hands_out_no_more_connections_than_its_size()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        await using var database = new PostgresDatabase(backend.ConnectionString + ";Timeout=2", backend.Database.Schema);
        var open = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < PostgresDatabase.DefaultMaxPoolSize; i++)
            {
                open.Add(await database.OpenAsync(Ct));
            }

            // The next caller waits for a pooled connection (here until the 2 s timeout) instead of opening one more.
            await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await database.OpenAsync(Ct));
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }
}

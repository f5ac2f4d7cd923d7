using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Hosting;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>An unreachable database stops the start with the host's storage error, naming the setting but not the password.</summary>
public sealed class PostgresSchemaStartupTests
{
    [Fact]
    public async Task Unreachable_database_fails_the_start_with_a_StorageOpenException_without_the_password()
    {
        const string connectionString = "Host=127.0.0.1;Port=1;Username=u;Password=very-secret;Database=ib;Timeout=3";
        await using var database = new PostgresDatabase(connectionString, "public");
        var startup = new PostgresSchemaStartup(database, Options.Create(new PostgresStorageOptions { Provider = "postgres", ConnectionString = connectionString }));

        var error = await Assert.ThrowsAsync<StorageOpenException>(() => startup.StartingAsync(TestContext.Current.CancellationToken));

        Assert.Contains("IntegrationBot:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("port 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", error.Message, StringComparison.Ordinal);
    }
}

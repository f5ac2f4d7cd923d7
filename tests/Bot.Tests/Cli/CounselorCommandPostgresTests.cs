using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary><c>counselor add</c> with the PostgreSQL provider writes the account where the host reads it: login works.</summary>
public sealed class CounselorCommandPostgresTests
{
    private const string Variable = "IntegrationBot_TestPostgres";

    [Fact]
    public async Task Counselor_added_by_the_cli_on_postgres_can_log_in_to_a_host_on_the_same_database()
    {
        var ct = TestContext.Current.CancellationToken;
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } connectionString)
        {
            Assert.Skip($"PostgreSQL not configured: set {Variable}; .ci/run does.");
            return;
        }

        var schema = "t_" + Guid.NewGuid().ToString("N")[..20];
        using var cliDirectory = new TempDataDirectory();
        var settings = new Dictionary<string, string>
        {
            ["IntegrationBot:Storage:Provider"] = "postgres",
            ["IntegrationBot:Storage:ConnectionString"] = connectionString,
            ["IntegrationBot:Storage:Schema"] = schema,
        };
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>(settings.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
                {
                    ["IntegrationBot:Storage:Path"] = cliDirectory.Path,
                })
                .Build();
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await CliApp.RunAsync(
                ["counselor", "add", "Ana", "--languages", "sl,en", "--admin"],
                new CliContext(new StringReader("ana-long-password-1\n"), output, error, configuration),
                ct);
            Assert.True(exit == 0, error.ToString());
            Assert.Empty(Directory.EnumerateFiles(cliDirectory.Path, "*.db", SearchOption.AllDirectories));

            await using var host = new ChatHost(settings);
            var login = await host.Client.PostAsJsonAsync("/api/auth/login", new { name = "Ana", password = "ana-long-password-1" }, ct);

            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}

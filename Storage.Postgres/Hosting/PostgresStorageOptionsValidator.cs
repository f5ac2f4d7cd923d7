using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>Fails the start with a message naming the setting, instead of a connection error at the first turn.</summary>
public sealed partial class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsSelected)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("IntegrationBot:Storage:ConnectionString is required when IntegrationBot:Storage:Provider is 'postgres' (e.g. 'Host=127.0.0.1;Username=integrationbot;Password=...;Database=integrationbot').");
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrEmpty(builder.Host))
                {
                    errors.Add("IntegrationBot:Storage:ConnectionString has no Host.");
                }
            }
            catch (ArgumentException ex)
            {
                errors.Add($"IntegrationBot:Storage:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
            }
        }

        if (!SchemaName().IsMatch(options.Schema ?? string.Empty))
        {
            errors.Add("IntegrationBot:Storage:Schema must be a lower-case identifier (letters, digits, underscore; at most 63 characters).");
        }

        if (options.OutboxLease <= TimeSpan.Zero)
        {
            errors.Add("IntegrationBot:Storage:OutboxLease must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}

using Npgsql;

namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>Builds parameterized commands; every value goes through a parameter, never into the SQL text.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Reads every row with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string text, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Serialization failures and deadlocks: the transaction lost a race and nothing was written.</summary>
    public static bool IsRace(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;
}

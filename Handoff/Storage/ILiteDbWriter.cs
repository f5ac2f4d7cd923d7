using LiteDB;

namespace IntegrationBot.Handoff.Storage;

/// <summary>Runs writes to a shared <see cref="LiteDatabase"/>: one transaction at a time, done when durable.</summary>
public interface ILiteDbWriter
{
    /// <summary>Runs <paramref name="write"/> in one transaction; completes once the commit is as durable as the host configured.</summary>
    Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken);
}

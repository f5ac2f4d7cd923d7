namespace IntegrationBot.Handoff.Canned;

/// <summary>Canned responses per language.</summary>
public interface ICannedResponseStore
{
    /// <summary>All responses, or those of one language.</summary>
    Task<IReadOnlyList<CannedResponse>> ListAsync(string? language, CancellationToken cancellationToken);

    Task<CannedResponse?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by id.</summary>
    Task SaveAsync(CannedResponse response, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="defaults"/> to a store that never had them and has no response yet, and remembers that it
    /// decided, in one transaction; true when they were added. Deleting every response does not make the store fresh again.
    /// </summary>
    Task<bool> AddDefaultsOnceAsync(IReadOnlyList<CannedResponse> defaults, CancellationToken cancellationToken);
}

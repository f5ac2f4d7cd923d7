namespace IntegrationBot.Handoff.Counselors;

/// <summary>Counselor accounts.</summary>
public interface ICounselorStore
{
    Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by name.</summary>
    Task SaveAsync(Counselor counselor, CancellationToken cancellationToken);
}

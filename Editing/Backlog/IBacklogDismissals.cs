namespace IntegrationBot.Editing.Backlog;

/// <summary>
/// Questions the office dismissed from the backlog, kept as hashes of their normalized words only (never the text,
/// which may carry personal data and is erased with the person's other data).
/// </summary>
public interface IBacklogDismissals
{
    Task DismissAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> AllAsync(CancellationToken cancellationToken);
}

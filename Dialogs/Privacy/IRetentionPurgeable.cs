namespace IntegrationBot.Dialogs.Privacy;

/// <summary>A store whose texts expire after the retention period; aggregate statistics without text may remain.</summary>
public interface IRetentionPurgeable
{
    /// <summary>Deletes records older than the cutoff; returns how many were removed.</summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>Makes an erasure reach the disk: a store that keeps old copies of pages (LiteDB's log file) writes them
/// away soon after being told that data was erased. Stores without such copies register none.</summary>
public interface IErasureCheckpoint
{
    /// <summary>Called after personal data was erased or purged; returns at once.</summary>
    void Erased();
}

using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Privacy;

/// <summary>Erases or exports one person's data across every registered <see cref="IUserDataEraser"/>.</summary>
public sealed class UserDataService(IEnumerable<IUserDataEraser> erasers, IEnumerable<IErasureCheckpoint>? checkpoints = null)
{
    /// <summary>Returns removed record counts per store.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var removed = new Dictionary<string, int>();
        foreach (var eraser in erasers)
        {
            removed[eraser.Name] = await eraser.DeleteUserDataAsync(channelId, userId, cancellationToken);
        }

        foreach (var checkpoint in checkpoints ?? [])
        {
            checkpoint.Erased();
        }

        return removed;
    }

    /// <summary>One JSON object: {"channelId", "userId", "<store>": [...], ...}.</summary>
    public async Task<JsonObject> ExportAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var export = new JsonObject { ["channelId"] = channelId, ["userId"] = userId };
        foreach (var eraser in erasers)
        {
            export[eraser.Name] = await eraser.ExportUserDataAsync(channelId, userId, cancellationToken);
        }

        return export;
    }
}

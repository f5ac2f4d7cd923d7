using System.Text.Json.Nodes;

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>A store holding personal data. The admin erase/export endpoints call every registration; the host adds its own
/// (conversation state, outbox) so one action covers every store.</summary>
public interface IUserDataEraser
{
    /// <summary>Stable name used as the key in exports.</summary>
    string Name { get; }

    /// <summary>Deletes everything about the user; returns how many records were removed.</summary>
    Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Everything stored about the user, as JSON.</summary>
    Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken);
}

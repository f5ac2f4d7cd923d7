using System.Text.Json;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Flows.Handoff;

/// <summary>
/// Carries a counselor message's id from the handoff to its outbox entries (every part of a split message), in the
/// activity's <c>channelData</c> next to the verbatim mark, so each delivery result finds the message it belongs to on
/// any outbox store. Holds only the request id and message id, no personal data.
/// </summary>
public static class CounselorMessageTag
{
    private const string Property = "counselorMessage";

    public static Activity Mark(Activity activity, Guid handoffId, string messageId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.ChannelData is { ValueKind: JsonValueKind.Object } existing
            ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(existing.GetRawText()) ?? []
            : [];
        data[Property] = JsonSerializer.SerializeToElement($"{handoffId:N}/{messageId}");
        return activity with { ChannelData = JsonSerializer.SerializeToElement(data) };
    }

    public static (Guid HandoffId, string MessageId)? Read(Activity activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Property, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Split('/') is [var handoff, { Length: > 0 } message]
        && Guid.TryParse(handoff, out var id)
            ? (id, message)
            : null;
}

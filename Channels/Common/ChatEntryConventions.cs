using Microsoft.AspNetCore.Builder;

namespace IntegrationBot.Channels.Common;

/// <summary>Marks mapped endpoints (or a whole group) as public chat entries; see <see cref="ChatEntryMetadata"/>.</summary>
public static class ChatEntryConventions
{
    /// <summary>A chat network's inbound webhook: the shutdown gate (503 + Retry-After, so the network redelivers) and the body-size cap (413).</summary>
    public static TBuilder AsChatWebhook<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AsChatEntry(ChatEntryKind.Webhook);

    /// <summary>
    /// Marks the endpoints as <paramref name="kind"/>. On a group and again on one of its endpoints, the endpoint's own
    /// mark wins (it is added last, and the readers take the last one).
    /// </summary>
    public static TBuilder AsChatEntry<TBuilder>(this TBuilder builder, ChatEntryKind kind)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChatEntryMetadata(kind));
}

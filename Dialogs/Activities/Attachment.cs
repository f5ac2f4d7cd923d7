using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>A card or file attached to a message; <see cref="Content"/> keeps the card JSON as received.</summary>
public sealed record Attachment(string ContentType, JsonElement? Content = null, string? ContentUrl = null, string? Name = null)
{
    public const string HeroCardType = "application/vnd.microsoft.card.hero";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static Attachment FromHeroCard(HeroCard card) =>
        new(HeroCardType, JsonSerializer.SerializeToElement(card, ActivityJson.Options));

    /// <summary>The hero card inside, or null when this is not a hero card.</summary>
    public HeroCard? AsHeroCard() =>
        ContentType == HeroCardType && Content is { } c ? c.Deserialize<HeroCard>(ActivityJson.Options) : null;
}

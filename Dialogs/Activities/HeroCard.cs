namespace IntegrationBot.Dialogs.Activities;

/// <summary>A card with a title, text and buttons.</summary>
public sealed record HeroCard(string? Title = null, string? Subtitle = null, string? Text = null, IReadOnlyList<CardAction>? Buttons = null);

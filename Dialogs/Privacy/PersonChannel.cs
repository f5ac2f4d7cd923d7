namespace IntegrationBot.Dialogs.Privacy;

/// <summary>
/// A channel people write from, by the id their data is kept under (<c>telegram</c>, <c>viber</c>, <c>webchat</c>…).
/// Each channel registers its own, configured or not (a channel switched off may still hold people's data), so that
/// an erasure or export for an id of no channel is refused instead of finding nobody and answering as if done.
/// </summary>
public sealed record PersonChannel(string Id);

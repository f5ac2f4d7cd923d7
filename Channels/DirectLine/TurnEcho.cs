namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// The user's message as stored for the turn it starts (<see cref="IDirectLineStore.AppendBeforeTurnAsync"/>): its line in
/// the log, with the id that is the turn's inbound id, and <see cref="Durable"/>, which completes once the line is durable
/// (at once when the store wrote it first; with the turn's commit when the store writes it there).
/// </summary>
public sealed record TurnEcho(AppendedActivity Appended, Task<AppendedActivity> Durable);

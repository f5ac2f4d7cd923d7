namespace IntegrationBot.Channels.Common;

/// <summary>
/// Endpoint metadata marking a public chat entry. The host's reliability middleware and rate limiter find it through
/// <c>HttpContext.GetEndpoint()</c>, so a newly mapped webhook gets the shutdown gate and body-size cap by being marked,
/// not by being added to a list of paths.
/// </summary>
public sealed record ChatEntryMetadata(ChatEntryKind Kind);

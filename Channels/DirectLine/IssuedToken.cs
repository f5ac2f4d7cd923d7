namespace IntegrationBot.Channels.DirectLine;

/// <summary>A signed token as given to the page: the text, when it expires, and the seconds left (<c>expires_in</c>).</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);

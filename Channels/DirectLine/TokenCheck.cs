namespace IntegrationBot.Channels.DirectLine;

/// <summary>The outcome of checking a bearer token.</summary>
public enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

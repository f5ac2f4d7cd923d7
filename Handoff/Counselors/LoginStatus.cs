namespace IntegrationBot.Handoff.Counselors;

/// <summary>Unknown names and wrong passwords look the same to the caller on purpose.</summary>
public enum LoginStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

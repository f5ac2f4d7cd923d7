namespace IntegrationBot.Handoff.Counselors;

/// <summary>Outcome of a login attempt; LockedUntil is set when the account is locked.</summary>
public sealed record LoginResult(LoginStatus Status, Counselor? Counselor, DateTimeOffset? LockedUntil = null);

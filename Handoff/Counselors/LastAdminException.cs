namespace IntegrationBot.Handoff.Counselors;

/// <summary>
/// A change that would leave no active admin (deactivating or demoting the last one): nobody could then manage accounts
/// or a person's data from the console, and only someone with a shell on the server could repair it.
/// </summary>
public sealed class LastAdminException()
    : InvalidOperationException("At least one active admin must remain: make another counselor an admin first.");

namespace IntegrationBot.Handoff.Counselors;

/// <summary>Tells what runs for an account in this process (its open console event streams) that the account's sessions
/// just ended: logout, a new password or role, deactivation. Other instances and the command line change the account
/// without this signal; the streams' heartbeat check catches those.</summary>
/// <remarks>One entry per account that had a stream since its last revocation: bounded by the accounts that exist.</remarks>
public sealed class SessionRevocations
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cancelled when the sessions of <paramref name="name"/> are revoked.</summary>
    public CancellationToken For(string name)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(name, out var revoked))
            {
                revoked = new CancellationTokenSource();
                _accounts.Add(name, revoked);
            }

            return revoked.Token;
        }
    }

    public void Revoke(string name)
    {
        CancellationTokenSource? revoked;
        lock (_gate)
        {
            _accounts.Remove(name, out revoked);
        }

        // Not disposed: a stream may still link to its token; the source holds no timer.
        revoked?.Cancel();
    }
}

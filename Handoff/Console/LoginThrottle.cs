using System.Threading.RateLimiting;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Console;

/// <summary>Login attempts per IP address per minute, whatever the name: guessing is slowed down without telling
/// anyone which names exist. Idle addresses are dropped by the limiter itself.</summary>
public sealed class LoginThrottle(IOptions<HandoffOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.LoginsPerIpPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public bool TryAttempt(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

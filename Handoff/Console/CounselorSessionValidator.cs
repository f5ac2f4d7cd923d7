using System.Globalization;
using System.Security.Claims;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Console;

/// <summary>Checks every console request's session against the account, as ASP.NET Core Identity's security stamp does
/// (but on each request, not every 30 minutes): a cookie outlives logout, a new password, demotion or deactivation
/// only until its next request, and no session lives longer than <see cref="HandoffOptions.SessionLifetime"/>.</summary>
public static class CounselorSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (!await IsValidAsync(context.Principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CounselorAuth.Scheme);
        }
    }

    /// <summary>True while the session of <paramref name="principal"/> is within its lifetime and its account still has the
    /// stamp it was signed in with (also checked by long-running requests such as the event stream).</summary>
    public static async Task<bool> IsValidAsync(ClaimsPrincipal? principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        var name = principal?.Identity?.Name;
        var stamp = principal?.FindFirst(CounselorAuth.StampClaim)?.Value;
        var signedIn = principal?.FindFirst(CounselorAuth.SignedInClaim)?.Value;
        var lifetime = services.GetRequiredService<IOptions<HandoffOptions>>().Value.SessionLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return name is not null
            && stamp is not null
            && DateTimeOffset.TryParse(signedIn, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && now - at < lifetime
            && await services.GetRequiredService<CounselorDirectory>().IsSessionValidAsync(name, stamp, cancellationToken);
    }
}

using System.Globalization;
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
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var stamp = principal?.FindFirst(CounselorAuth.StampClaim)?.Value;
        var signedIn = principal?.FindFirst(CounselorAuth.SignedInClaim)?.Value;
        var lifetime = services.GetRequiredService<IOptions<HandoffOptions>>().Value.SessionLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var valid = name is not null
            && stamp is not null
            && DateTimeOffset.TryParse(signedIn, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && now - at < lifetime
            && await services.GetRequiredService<CounselorDirectory>().IsSessionValidAsync(name, stamp, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CounselorAuth.Scheme);
        }
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Routing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.</summary>
public static class AuthEndpoints
{
    // A command, not words: the page shows it as it is in every language.
    private const string FirstAdminCommand = "counselor add NAME --languages sl,en --admin";

    public static void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").AddEndpointFilter<SecurityHeaders>();
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization(CounselorAuth.CounselorPolicy).AddEndpointFilter<XsrfFilter>();
        auth.MapGet("/me", Me).RequireAuthorization(CounselorAuth.CounselorPolicy);
    }

    private static async Task<IResult> LoginAsync(ConsoleRequests.Login? body, HttpContext http, CounselorDirectory directory, CounselorPresence presence, LoginThrottle throttle, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!throttle.TryAttempt(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            http.Response.Headers.RetryAfter = "60";
            return ConsoleProblem.Of(StatusCodes.Status429TooManyRequests, "loginRateLimited", "Too many login attempts from this address; try again in a minute.");
        }

        if (string.IsNullOrWhiteSpace(body?.Name) || string.IsNullOrEmpty(body.Password))
        {
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, "loginIncomplete", "Name and password are required.");
        }

        var result = await directory.LoginAsync(body.Name, body.Password, cancellationToken);
        if (result.Status != LoginStatus.Succeeded)
        {
            // On a fresh install no name can be right: say how the first account is made (no name exists to give away).
            if ((await directory.ListAsync(cancellationToken)).Count == 0)
            {
                return ConsoleProblem.Of(
                    StatusCodes.Status401Unauthorized,
                    "noAccountYet",
                    $"No counselor account exists yet. Create the first admin on the server: {FirstAdminCommand} (the password on standard input; README, \"First admin on a fresh install\").",
                    new Dictionary<string, string> { ["command"] = FirstAdminCommand });
            }

            // A locked account answers exactly like an unknown name or a wrong password: a different answer would tell
            // a guesser which names exist. An admin can unlock it.
            return ConsoleProblem.Of(StatusCodes.Status401Unauthorized, "wrongLogin", "Wrong name or password.");
        }

        var counselor = result.Counselor!;
        var xsrf = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)); // hex: survives cookie encoding unchanged
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, counselor.Name),
            new(CounselorAuth.LanguagesClaim, string.Join(',', counselor.Languages)),
            new(CounselorAuth.XsrfClaim, xsrf),
            new(CounselorAuth.StampClaim, counselor.SecurityStamp),
            new(CounselorAuth.SignedInClaim, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (counselor.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, CounselorAuth.AdminRole));
        }

        if (counselor.CanEditKnowledge)
        {
            claims.Add(new Claim(ClaimTypes.Role, CounselorAuth.EditorRole));
        }

        await http.SignInAsync(CounselorAuth.Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CounselorAuth.Scheme)));
        // Readable by the console's script (not HttpOnly) so it can echo it; useless to other sites, which cannot read it.
        http.Response.Cookies.Append(CounselorAuth.XsrfCookie, xsrf, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
        });
        presence.Seen(counselor.Name);
        return TypedResults.Ok(CounselorView.From(counselor));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, CounselorDirectory directory, CounselorPresence presence, CancellationToken cancellationToken)
    {
        var name = CounselorAuth.Name(http.User);
        await directory.EndSessionsAsync(name, cancellationToken);
        presence.LoggedOut(name);
        await http.SignOutAsync(CounselorAuth.Scheme);
        http.Response.Cookies.Delete(CounselorAuth.XsrfCookie, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }

    private static IResult Me(ClaimsPrincipal user) => TypedResults.Ok(new
    {
        name = CounselorAuth.Name(user),
        languages = (user.FindFirst(CounselorAuth.LanguagesClaim)?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        isAdmin = user.IsInRole(CounselorAuth.AdminRole),
        isEditor = user.IsInRole(CounselorAuth.EditorRole),
    });
}

using IntegrationBot.Handoff.Counselors;

namespace IntegrationBot.Bot.Hosting;

/// <summary><c>POST /api/local-admin/counselors</c>: <c>counselor add</c> against the running server, from loopback with the token only.</summary>
internal static class LocalAdminEndpoints
{
    public static WebApplication MapLocalAdmin(this WebApplication app)
    {
        app.MapPost("/api/local-admin/counselors", AddCounselorAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> AddCounselorAsync(HttpContext context, LocalCounselor? body, LocalAdminAccess access, CounselorDirectory counselors, CancellationToken cancellationToken)
    {
        // Only a process on this machine that can read the token file; a request relayed by a proxy is not local.
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !System.Net.IPAddress.IsLoopback(remote) || context.Request.Headers.ContainsKey("X-Forwarded-For")
            || !access.Accepts(context.Request.Headers[LocalAdminAccess.TokenHeader].FirstOrDefault()))
        {
            return TypedResults.NotFound();
        }

        if (body is not { Name: { Length: > 0 } name, Languages: { Count: > 0 } languages, Password: { } password })
        {
            return TypedResults.BadRequest(new { error = "name, languages and password are required" });
        }

        try
        {
            var counselor = await counselors.AddAsync(name, languages, password, body.Admin, body.Editor, cancellationToken);
            return TypedResults.Ok(new { name = counselor.Name, languages = counselor.Languages, admin = counselor.IsAdmin, editor = counselor.IsEditor });
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(new { error = e.Message });
        }
        catch (LastAdminException e)
        {
            return TypedResults.Conflict(new { error = e.Message });
        }
    }
}

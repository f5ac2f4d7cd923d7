using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Counselors;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// <c>/api/local-admin/…</c>: the command line (<c>counselor add</c>, <c>backup</c>) against the running server, from
/// loopback with the token of <see cref="LocalAdminAccess"/> only; any other request gets 404.
/// </summary>
internal static class LocalAdminEndpoints
{
    public static WebApplication MapLocalAdmin(this WebApplication app)
    {
        var local = app.MapGroup("/api/local-admin").AllowAnonymous().AddEndpointFilter(OnlyTheLocalCommandLineAsync);
        local.MapPost("/counselors", AddCounselorAsync);
        local.MapPost("/backups", BackUpAsync);
        return app;
    }

    // Only a process on this machine that can read the token file; a request relayed by a proxy is not local.
    private static ValueTask<object?> OnlyTheLocalCommandLineAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var remote = context.Connection.RemoteIpAddress;
        var access = context.RequestServices.GetRequiredService<LocalAdminAccess>();
        return remote is null || !System.Net.IPAddress.IsLoopback(remote) || context.Request.Headers.ContainsKey("X-Forwarded-For")
            || !access.Accepts(context.Request.Headers[LocalAdminAccess.TokenHeader].FirstOrDefault())
            ? ValueTask.FromResult<object?>(TypedResults.NotFound())
            : next(invocation);
    }

    private static async Task<IResult> AddCounselorAsync(LocalCounselor? body, CounselorDirectory counselors, CancellationToken cancellationToken)
    {
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

    private static async Task<IResult> BackUpAsync(LocalBackup? body, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IStoreBackup>() is not { } backup)
        {
            return TypedResults.BadRequest(new { error = "this server's storage is not a LiteDB file; back up PostgreSQL with pg_dump (docs/storage-postgres.md)" });
        }

        if (body?.Folder is not { } folder)
        {
            return TypedResults.BadRequest(new { error = "folder is required" });
        }

        var result = await backup.BackUpAsync(folder, cancellationToken);
        return result.Status switch
        {
            StoreBackupStatus.Written => TypedResults.Ok(new LocalBackupWritten(result.Folder, result.DatabaseBytes, result.KeyFiles, (long)result.Elapsed.TotalMilliseconds)),
            StoreBackupStatus.Conflict => TypedResults.Conflict(new { error = result.Problem }),
            StoreBackupStatus.Failed => TypedResults.Json(new { error = result.Problem }, statusCode: StatusCodes.Status500InternalServerError),
            _ => TypedResults.BadRequest(new { error = result.Problem }),
        };
    }
}

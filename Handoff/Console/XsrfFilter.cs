using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Handoff.Console;

/// <summary>State-changing console requests must echo the session's XSRF token in X-XSRF-TOKEN. The expected value lives
/// inside the encrypted session cookie, so another site can neither read nor forge it.</summary>
public sealed class XsrfFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return await next(context);
        }

        var sent = http.Request.Headers[CounselorAuth.XsrfHeader].ToString();
        if (sent.Length == 0)
        {
            return ConsoleProblem.Of(StatusCodes.Status400BadRequest, "xsrf", "Missing X-XSRF-TOKEN header.");
        }

        var expected = http.User.FindFirst(CounselorAuth.XsrfClaim)?.Value ?? "";
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected))
            ? await next(context)
            : ConsoleProblem.Of(StatusCodes.Status403Forbidden, "xsrf", "Invalid X-XSRF-TOKEN header.");
    }
}

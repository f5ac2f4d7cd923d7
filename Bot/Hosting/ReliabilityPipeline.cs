using IntegrationBot.Channels.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// The request side of <see cref="ReliabilityServiceCollectionExtensions.AddReliability"/>; call it first in the pipeline.
/// It applies to every endpoint marked with <see cref="ChatEntryMetadata"/> (e.g. by <c>.AsChatWebhook()</c>).
/// </summary>
public static class ReliabilityPipeline
{
    public static IApplicationBuilder UseReliability(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<ShutdownGate>();
        var limits = app.ApplicationServices.GetRequiredService<IOptions<AbuseLimitOptions>>().Value;
        return app.Use(async (http, next) =>
        {
            // Routing has already run (WebApplication puts it first), so the endpoint's own mark decides.
            var kind = ChatEndpoints.KindOf(http);
            if (kind is null)
            {
                await next(http);
                return;
            }

            if (kind == ChatEntryKind.DirectLineStream)
            {
                await (gate.IsClosed ? Unavailable(http) : next(http));
                return;
            }

            // One cap for every entry, uploads included: their files are noted, never kept, so nothing needs more.
            if (http.Request.ContentLength > limits.MaxMessageBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limits.MaxMessageBytes;
            }

            if (!gate.TryEnter())
            {
                await Unavailable(http);
                return;
            }

            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (!http.Response.HasStarted)
            {
                // Kestrel gave up on the body (chunked past the cap above, too slow, cut short): the sender's fault, so
                // its status; unhandled, each was logged as an application error with a stack trace, at the sender's will.
                http.Response.StatusCode = e.StatusCode;
            }
            finally
            {
                gate.Leave();
            }
        });
    }

    private static Task Unavailable(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        return Task.CompletedTask;
    }
}

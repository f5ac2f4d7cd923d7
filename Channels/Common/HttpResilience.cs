using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IntegrationBot.Channels.Common;

/// <summary>The outbound HTTP policy both channel clients share: one attempt timeout, retries with jittered exponential
/// backoff on 5xx, 408 and short 429s (waiting the server's <c>retry_after</c>) and on connections that could not be
/// opened, and an overall deadline.</summary>
/// <remarks>A request that was written and then timed out is not resent: the API may have acted on it (a message
/// delivered whose answer was slow), and a resend shows the person the message twice (see <see cref="SendFailure"/>).
/// Hence one attempt timeout, well above the APIs' normal answer time. A 429 asking for more than
/// <see cref="MaxInlineRetryAfter"/> is passed through: the outbox then reschedules the message instead of holding a
/// connection and a worker for that long.</remarks>
public static class HttpResilience
{
    public static readonly TimeSpan MaxInlineRetryAfter = TimeSpan.FromSeconds(5);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TimeSpan attemptTimeout)
    {
        builder.AddTimeout(attemptTimeout * 4);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(300),
            ShouldHandle = async args => args.Outcome switch
            {
                { Exception: { } e } => SendFailure.IsBeforeRequestWritten(e),
                { Result: { StatusCode: HttpStatusCode.TooManyRequests } r } =>
                    await RetryAfterAsync(r) is not { } wait || wait <= MaxInlineRetryAfter,
                { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout,
                _ => false,
            },
            DelayGenerator = async args => args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                ? await RetryAfterAsync(r)
                : null,
        });
        builder.AddTimeout(attemptTimeout);
    }

    /// <summary>The wait a 429 asks for: the Retry-After header, or Telegram's <c>parameters.retry_after</c> in the body.</summary>
    public static async ValueTask<TimeSpan?> RetryAfterAsync(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }
        try
        {
            // Buffer first so the client still reads the body when we pass the response on.
            await response.Content.LoadIntoBufferAsync();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return doc.RootElement.TryGetProperty("parameters", out var p)
                   && p.ValueKind == JsonValueKind.Object
                   && p.TryGetProperty("retry_after", out var seconds)
                   && seconds.TryGetInt32(out var s)
                ? TimeSpan.FromSeconds(s)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

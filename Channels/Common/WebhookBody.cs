using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.Common;

/// <summary>The raw body of one webhook request: read with a size cap, so a signature can be checked on the exact bytes
/// received, and then read as JSON where any failure is the sender's fault (400), never ours (500).</summary>
internal sealed class WebhookBody
{
    public const int MaxBytes = 1024 * 1024;

    private WebhookBody(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    /// <summary>The answer when <see cref="ReadAsync"/> found the body over <see cref="MaxBytes"/>.</summary>
    public static IResult TooLarge => TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);

    /// <returns>The body, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<WebhookBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return new WebhookBody(buffer.ToArray());
    }

    /// <returns>The payload, or null when the bytes are not a JSON <typeparamref name="T"/>.</returns>
    /// <remarks>Besides <see cref="JsonException"/>, custom converters (Telegram.Bot's among them) throw whatever their
    /// code runs into on hostile input, so those kinds mean "malformed" too.</remarks>
    public T? ReadJson<T>(JsonSerializerOptions options) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Bytes, options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException
                                       or NotSupportedException or FormatException or OverflowException
                                       or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException
                                       or NullReferenceException)
        {
            return null;
        }
    }
}

using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.Common;

/// <summary>Reads a webhook's raw body with a size cap, so signatures are checked on the exact bytes received.</summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <returns>The body, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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
        return buffer.ToArray();
    }
}

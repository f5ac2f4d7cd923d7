using System.Security.Cryptography;
using System.Text;

namespace IntegrationBot.Channels.Viber;

/// <summary><c>X-Viber-Content-Signature</c>: lowercase hex HMAC-SHA256 of the raw body, keyed with the auth token.</summary>
public static class ViberSignature
{
    public const string Header = "X-Viber-Content-Signature";

    public static string Compute(ReadOnlySpan<byte> body, string authToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), body));

    /// <summary>Constant-time comparison, so response timing does not leak how much of a forgery was right.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string authToken, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 64)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(body, authToken));
        var received = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}

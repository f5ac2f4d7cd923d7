using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Issues and verifies HMAC-signed tokens, each scoped to one conversation and expiring.</summary>
/// <remarks>Self-contained tokens need no token table, so every instance behind a load balancer can verify them.</remarks>
public sealed class DirectLineTokenService
{
    private static readonly object VerifiedKey = new();

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _maxChain;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var configured = options.Value.TokenSigningKey;
        // Without a configured key tokens are valid only in this process: fine for one instance, documented for more.
        _key = configured.Length > 0 ? Encoding.UTF8.GetBytes(configured) : RandomNumberGenerator.GetBytes(32);
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);
        _maxChain = TimeSpan.FromHours(options.Value.MaxTokenRefreshHours);
    }

    /// <summary>The first token of a new chain (a new conversation, or one resumed through the checked token endpoint).</summary>
    public IssuedToken Issue(string conversationId, string userId) => Issue(conversationId, userId, _time.GetUtcNow());

    /// <summary>
    /// The next token of <paramref name="current"/>'s chain, expiring no later than MaxTokenRefreshHours after the
    /// chain's first token; null once that bound is reached (the page resumes through <c>/api/webchat/token</c>).
    /// </summary>
    public IssuedToken? Refresh(DirectLineToken current)
    {
        var next = Issue(current.ConversationId, current.UserId, current.ChainStartedAt);
        return next.ExpiresIn > 0 && next.ExpiresAt > current.ExpiresAt ? next : null;
    }

    private IssuedToken Issue(string conversationId, string userId, DateTimeOffset chainStartedAt)
    {
        var now = _time.GetUtcNow();
        var expires = now.Add(_lifetime);
        var bound = chainStartedAt.Add(_maxChain);
        if (expires > bound)
        {
            expires = bound;
        }

        var payload = new TokenPayload(conversationId, userId, expires.ToUnixTimeSeconds(), chainStartedAt.ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        return new IssuedToken(body + "." + Base64Url(Sign(body)), expiresAt, (int)Math.Max(0, (expiresAt - now).TotalSeconds));
    }

    /// <summary>
    /// Verifies the request's bearer token once per request: the abuse limiter (per user) and the endpoint both ask,
    /// and the answer is kept in <see cref="HttpContext.Items"/>.
    /// </summary>
    public TokenCheck VerifyBearer(HttpContext http, out DirectLineToken? granted)
    {
        if (http.Items.TryGetValue(VerifiedKey, out var kept) && kept is VerifiedBearer verified)
        {
            granted = verified.Token;
            return verified.Check;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var check = Verify(bearer, out granted);
        http.Items[VerifiedKey] = new VerifiedBearer(check, granted);
        return check;
    }

    public TokenCheck Verify(string? token, out DirectLineToken? granted)
    {
        var check = Read(token, out var read);
        granted = check == TokenCheck.Valid ? read : null;
        return check;
    }

    /// <summary>
    /// A token of ours, valid or expired less than <paramref name="window"/> ago: enough to resume its conversation
    /// after a reload or a tab that slept (never enough to call Direct Line itself).
    /// </summary>
    public DirectLineToken? VerifyForResume(string? token, TimeSpan window)
    {
        var check = Read(token, out var read);
        return check == TokenCheck.Valid || (check == TokenCheck.Expired && read!.ExpiresAt + window > _time.GetUtcNow()) ? read : null;
    }

    /// <summary>Checks the signature and the expiry; the token's content is given for a valid and for an expired one.</summary>
    private TokenCheck Read(string? token, out DirectLineToken? granted)
    {
        granted = null;
        if (string.IsNullOrEmpty(token))
        {
            return TokenCheck.Missing;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return TokenCheck.Invalid;
        }

        var body = token[..dot];
        if (!TryFromBase64Url(token[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(body))
            || !TryFromBase64Url(body, out var json))
        {
            return TokenCheck.Invalid;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(json);
        }
        catch (JsonException)
        {
            return TokenCheck.Invalid;
        }

        if (payload is null || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.U))
        {
            return TokenCheck.Invalid;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        // A token from before chains were recorded: its chain began when it was issued.
        var chainStarted = payload.S is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : expires - _lifetime;
        granted = new DirectLineToken(payload.C, payload.U, expires, chainStarted);
        return expires <= _time.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }

    private sealed record TokenPayload(string C, string U, long E, long? S = null);

    private sealed record VerifiedBearer(TokenCheck Check, DirectLineToken? Token);
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Issues and verifies conversation tokens, each scoped to one conversation and expiring.</summary>
/// <remarks>
/// A token is its grant protected by ASP.NET Core Data Protection (encrypted and authenticated): it needs no token
/// table, and every instance sharing the key ring verifies it (see <see cref="DirectLineKeyRing"/>). The protector's own
/// expiry is the last moment the token is good for anything (resuming its conversation); the grant's own expiry, read
/// with <see cref="TimeProvider"/>, decides 403 "token expired" for Direct Line calls.
/// </remarks>
public sealed class DirectLineTokenService
{
    /// <summary>The Data Protection purpose: a token protected for another purpose (e.g. a console cookie) never reads as one.</summary>
    public const string Purpose = "IntegrationBot.Channels.DirectLine.Token";

    private static readonly object VerifiedKey = new();

    private readonly ITimeLimitedDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _maxChain;
    private readonly TimeSpan _resume;

    public DirectLineTokenService(IDataProtectionProvider protection, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);
        _maxChain = TimeSpan.FromHours(options.Value.MaxTokenRefreshHours);
        _resume = TimeSpan.FromHours(options.Value.ResumeHours);
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
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        var token = _protector.Protect(JsonSerializer.Serialize(payload), expiresAt + _resume);
        return new IssuedToken(token, expiresAt, (int)Math.Max(0, (expiresAt - now).TotalSeconds));
    }

    /// <summary>
    /// Verifies the request's bearer token once per request: the abuse limiter (per user) and the endpoint filter both
    /// ask, and the answer is kept in <see cref="HttpContext.Items"/>.
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
    /// A token of ours, valid or expired less than ResumeHours ago: enough to resume its conversation after a reload or
    /// a tab that slept (never enough to call Direct Line itself).
    /// </summary>
    public DirectLineToken? VerifyForResume(string? token)
    {
        var check = Read(token, out var read);
        return check == TokenCheck.Valid || (check == TokenCheck.Expired && read!.ExpiresAt + _resume > _time.GetUtcNow()) ? read : null;
    }

    /// <summary>Unprotects the token and checks its expiry; the grant is given for a valid and for an expired one.</summary>
    private TokenCheck Read(string? token, out DirectLineToken? granted)
    {
        granted = null;
        if (string.IsNullOrEmpty(token))
        {
            return TokenCheck.Missing;
        }

        TokenPayload? payload;
        try
        {
            // Throws for a forged or tampered token, one protected with a key this ring does not hold, or one past its
            // resume window.
            payload = JsonSerializer.Deserialize<TokenPayload>(_protector.Unprotect(token, out _));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return TokenCheck.Invalid;
        }

        if (payload is null || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.U))
        {
            return TokenCheck.Invalid;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        granted = new DirectLineToken(payload.C, payload.U, expires, DateTimeOffset.FromUnixTimeSeconds(payload.S));
        return expires <= _time.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private sealed record TokenPayload(string C, string U, long E, long S);

    private sealed record VerifiedBearer(TokenCheck Check, DirectLineToken? Token);
}

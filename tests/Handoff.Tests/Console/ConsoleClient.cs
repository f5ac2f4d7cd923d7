using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Handoff.Console;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Cookie-keeping HTTP client; Send* echo the XSRF-TOKEN cookie in X-XSRF-TOKEN like the console script does.</summary>
public sealed class ConsoleClient : IDisposable
{
    private readonly CookieContainer _cookies = new();

    public ConsoleClient(Uri baseAddress)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    /// <summary>The Cookie header this client sends, to replay the session from elsewhere.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(Http.BaseAddress!);

    public string? XsrfToken => _cookies.GetCookies(Http.BaseAddress!)[CounselorAuth.XsrfCookie]?.Value;

    /// <summary>POST with JSON; <paramref name="xsrf"/> null sends no header, otherwise the given value (default: the real token).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? xsrf = "real")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (xsrf is not null)
        {
            request.Headers.Add(CounselorAuth.XsrfHeader, xsrf == "real" ? XsrfToken : xsrf);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> DeleteAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add(CounselorAuth.XsrfHeader, XsrfToken);
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, TestContext.Current.CancellationToken);

    public void Dispose() => Http.Dispose();
}

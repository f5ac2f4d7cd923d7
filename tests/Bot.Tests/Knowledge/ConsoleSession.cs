using System.Net.Http.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>A signed-in console user on its own client: the session cookie and the XSRF token sent as the console sends them.</summary>
public sealed class ConsoleSession(HttpClient client, string cookies, string xsrf) : IDisposable
{
    public const string Password = "correct-horse-battery";

    public static async Task<ConsoleSession> SignInAsync(ChatHost host, string name, string languages, bool editor, CancellationToken ct, bool admin = false)
    {
        var directory = host.Services.GetRequiredService<CounselorDirectory>();
        await directory.AddAsync(name, languages.Split(','), Password, admin, editor, ct);

        var client = host.Server.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { name, password = Password }, ct);
        login.EnsureSuccessStatusCode();
        var setCookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var xsrf = setCookies.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal))["XSRF-TOKEN=".Length..];
        return new ConsoleSession(client, string.Join("; ", setCookies), xsrf);
    }

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<HttpResponseMessage> PutAsync(string path, object body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    public Task<HttpResponseMessage> PostAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct, bool withXsrf = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        if (withXsrf)
        {
            request.Headers.Add("X-XSRF-TOKEN", xsrf);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, ct);
    }

    public void Dispose() => client.Dispose();
}

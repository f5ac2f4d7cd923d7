using System.Net;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Channels.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>
/// The shutdown gate and the body-size cap come with the <c>.AsChatWebhook()</c> mark, not with a list of paths: a new
/// webhook mapped anywhere gets both, an unmarked endpoint gets neither. A real Kestrel server on loopback.
/// </summary>
public sealed class ChatWebhookMarkTests
{
    private const int Cap = 4096;

    [Fact]
    public async Task A_newly_mapped_endpoint_marked_as_chat_webhook_gets_the_size_cap_and_the_shutdown_gate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(ct);
        using var client = ClientOf(app);

        var small = await client.PostAsync(new Uri("/hooks/new-network", UriKind.Relative), Body(100), ct);
        var oversized = await client.PostAsync(new Uri("/hooks/new-network", UriKind.Relative), Body(Cap + 1), ct);
        await app.Services.GetRequiredService<ShutdownGate>().CloseAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
        var duringShutdown = await client.PostAsync(new Uri("/hooks/new-network", UriKind.Relative), Body(100), ct);

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringShutdown.StatusCode);
        Assert.NotNull(duringShutdown.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_unmarked_endpoint_gets_neither_the_size_cap_nor_the_shutdown_gate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(ct);
        using var client = ClientOf(app);

        var oversized = await client.PostAsync(new Uri("/plain", UriKind.Relative), Body(Cap + 1), ct);
        await app.Services.GetRequiredService<ShutdownGate>().CloseAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
        var duringShutdown = await client.PostAsync(new Uri("/plain", UriKind.Relative), Body(100), ct);

        Assert.Equal(HttpStatusCode.OK, oversized.StatusCode);
        Assert.Equal((Cap + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await oversized.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, duringShutdown.StatusCode);
    }

    private static async Task<WebApplication> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<ShutdownGate>();
        builder.Services.Configure<AbuseLimitOptions>(o => o.MaxMessageBytes = Cap);
        var app = builder.Build();
        app.UseReliability();
        app.MapPost("/hooks/new-network", ReadAllAsync).AsChatWebhook();
        app.MapPost("/plain", ReadAllAsync);
        await app.StartAsync(ct);
        return app;
    }

    /// <summary>Reads the whole body, so an endpoint without the cap visibly accepts a large one.</summary>
    private static async Task<IResult> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return TypedResults.Text(buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static HttpClient ClientOf(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static ByteArrayContent Body(int bytes) => new(new byte[bytes]);
}

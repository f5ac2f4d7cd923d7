using System.Net;
using System.Text;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A municipal website on its own loopback port (another origin) serving fixed HTML pages. Named
/// <c>localhost</c> it is also another site than the host at 127.0.0.1 (a site ignores the port): the browser then
/// treats the chat page in its iframe as a third party, as a website does the bot's own domain.
/// </summary>
internal sealed class StaticSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _pages;
    private readonly Task _serving;

    public StaticSite(IReadOnlyDictionary<string, string> pages, string hostName = "127.0.0.1")
    {
        _pages = pages;
        Port = Support.HostProcess.FreePort();
        Origin = $"http://{hostName}:{Port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public string Origin { get; }

    public Uri Url(string path) => new(Origin + path);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var found = _pages.TryGetValue(context.Request.Url!.AbsolutePath, out var html);
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            var body = Encoding.UTF8.GetBytes(html ?? "not found");
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}

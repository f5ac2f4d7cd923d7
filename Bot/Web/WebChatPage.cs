using Microsoft.Extensions.FileProviders;

namespace IntegrationBot.Bot.Web;

/// <summary>
/// Serves the municipality's chat page at <c>/</c> and the Web Chat bundle at <c>/webchat/</c>: from its npm package in
/// the source tree, or from <c>wwwroot/webchat</c> where `dotnet publish` puts it (Bot.csproj, PublishWebChat).
/// </summary>
internal static class WebChatPage
{
    public static WebApplication MapWebChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ctx => PageHeaders.Apply(ctx.Context) });

        var package = Path.Combine(app.Environment.ContentRootPath, "webchat", "node_modules", "botframework-webchat", "dist");
        if (Directory.Exists(package))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(package), RequestPath = "/webchat" });
        }
        else if (!app.Environment.WebRootFileProvider.GetFileInfo("webchat/webchat.js").Exists)
        {
            // Without `npm ci` in Bot/webchat the page cannot load Web Chat; say so instead of serving a broken page silently.
            app.MapGet("/webchat/webchat.js", () => TypedResults.Text(
                "document.getElementById('status').textContent='Web Chat is not installed on this server (run npm ci in Bot/webchat).';",
                "text/javascript"));
        }

        return app;
    }
}

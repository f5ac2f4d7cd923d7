using Microsoft.Extensions.FileProviders;

namespace IntegrationBot.Bot.Web;

/// <summary>Serves the municipality's chat page at <c>/</c> and the Web Chat bundle from its npm package at <c>/webchat/</c>.</summary>
internal static class WebChatPage
{
    public static WebApplication MapWebChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ctx => PageHeaders.Apply(ctx.Context) });

        var bundle = Path.Combine(app.Environment.ContentRootPath, "webchat", "node_modules", "botframework-webchat", "dist");
        if (Directory.Exists(bundle))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundle), RequestPath = "/webchat" });
        }
        else
        {
            // Without `npm ci` in Bot/webchat the page cannot load Web Chat; say so instead of serving a broken page silently.
            app.MapGet("/webchat/webchat.js", () => TypedResults.Text(
                "document.getElementById('status').textContent='Web Chat is not installed on this server (run npm ci in Bot/webchat).';",
                "text/javascript"));
        }

        return app;
    }
}

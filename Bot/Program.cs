using System.Text;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Web;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Flows;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;

if (CliApp.IsCommand(args))
{
    Console.InputEncoding = Encoding.UTF8;
    Console.OutputEncoding = Encoding.UTF8;
    return await CliApp.RunAsync(args, CliContext.FromConsole(), CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.ContentRoot() });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddDialogsRuntime(builder.Configuration);
builder.Services.AddIntegrationBotFlows(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);

var app = builder.Build();
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();
app.MapWebChatPage();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
app.MapDirectLine();

try
{
    await app.RunAsync();
    return ExitCodes.Ok;
}
catch (StorageOpenException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.StorageUnavailable;
}

public partial class Program;

using System.Text;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Bot.Web;
using IntegrationBot.Dialogs.Storage;

// Before anything creates a file: the data folder holds every person's messages (the commands write there too).
OwnerOnlyUmask.Apply();
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

var app = builder.AddIntegrationBot().Build().MapIntegrationBot();

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

using System.Text;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Dialogs.Flows.Echo;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;

if (CliApp.IsCommand(args))
{
    Console.InputEncoding = Encoding.UTF8;
    Console.OutputEncoding = Encoding.UTF8;
    return await CliApp.RunAsync(args, CliContext.FromConsole(), CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddDialogsRuntime(builder.Configuration);
builder.Services.AddSingleton<IBot, EchoBot>();

var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));

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

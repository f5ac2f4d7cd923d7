using System.Text;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Bot.Web;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Options;

// Before anything creates a file: the data folder holds every person's messages (the commands write there too).
OwnerOnlyUmask.Apply();
if (CliApp.IsCommand(args))
{
    Console.InputEncoding = Encoding.UTF8;
    Console.OutputEncoding = Encoding.UTF8;
    return await CliApp.RunAsync(args, CliContext.FromConsole(), CancellationToken.None);
}

try
{
    // Inside the try: some settings are read while the services are put together (the web chat's origins, the
    // shutdown's drain time), and a value of the wrong form fails there, before any validation.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.ContentRoot() });
    if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    {
        builder.WebHost.UseUrls("http://localhost:5080");
    }

    var app = builder.AddIntegrationBot().Build();
    // Settings first, before the pipeline reads them and the host starts its services: a bad value then stops it with
    // the reason alone, not the reason inside the host's "Hosting failed to start" stack trace, twice, and an abort
    // (exit 134); every failing section on one line.
    app.Services.GetService<IStartupValidator>()?.Validate();
    // The storage next, for the same reason: a data folder another host holds, or one that cannot be created, stops the
    // start with its one line (exit 3) instead of that line after the host's log of the same failure with its trace.
    app.Services.GetRequiredService<IStorage>();
    return await HostRun.RunAsync(app.MapIntegrationBot(), Console.Error);
}
catch (StorageOpenException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.StorageUnavailable;
}
catch (Exception ex) when (StartupSettings.Failures(ex) is { Count: > 0 } failures)
{
    await Console.Error.WriteLineAsync("error: invalid configuration: " + string.Join("; ", failures));
    return ExitCodes.Usage;
}

public partial class Program;

using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IntegrationBot.Bot.Hosting;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>counselor add NAME --languages sl,en [--admin] [--editor]</c> with the password on standard input.</summary>
public sealed class CounselorCommand : ICliCommand
{
    public string Name => "counselor";

    public string Usage => "counselor add NAME --languages sl,en [--admin] [--editor]   create a counselor (password on standard input; an editor edits the knowledge base in those languages)";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDialogsRuntime(context.Configuration)
            .AddHandoff(context.Configuration)
            .AddStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        CounselorDirectory directory;
        try
        {
            await CliStorage.StartAsync(provider, cancellationToken);
            // Opens the database now, before the password is read: a server holding it is asked instead.
            directory = provider.GetRequiredService<CounselorDirectory>();
        }
        catch (StorageOpenException) when (RunningServer.Find(provider.GetRequiredService<IOptions<StorageOptions>>().Value.Path) is { } server)
        {
            return await CounselorAddCommand.RunAsync(args, context.Input, context.Output, context.Error, server.AddCounselorAsync, cancellationToken);
        }

        return await CounselorAddCommand.RunAsync(args, context.Input, context.Output, context.Error, directory, cancellationToken);
    }
}

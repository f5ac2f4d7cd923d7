using IntegrationBot.Bot.Hosting;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// What <c>backup</c> and <c>restore</c> both start with: exactly one folder argument, the storage the host is configured
/// with, and a refusal when that is not a LiteDB data folder (memory keeps nothing; PostgreSQL has its own tools).
/// </summary>
internal static class LiteDbFolderCommand
{
    /// <summary>The folder argument (relative to where the operator is), the services and the storage options; null
    /// once the problem is written to standard error (exit <see cref="ExitCodes.Usage"/>).</summary>
    public static async Task<(string Folder, ServiceProvider Services, StorageOptions Storage)?> StartAsync(
        CliContext context, IReadOnlyList<string> args, string usage, string onMemory, string onPostgres)
    {
        if (args is not [var folder] || folder.StartsWith('-'))
        {
            await context.Error.WriteLineAsync("Usage: " + usage);
            return null;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddDialogsRuntime(context.Configuration)
            .AddStorage(context.Configuration)
            .BuildServiceProvider();
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider != StorageOptions.LiteDbProvider)
        {
            await context.Error.WriteLineAsync(storage.Provider == StorageOptions.MemoryProvider ? onMemory : onPostgres);
            await services.DisposeAsync();
            return null;
        }

        return (Path.GetFullPath(folder), services, storage);
    }
}

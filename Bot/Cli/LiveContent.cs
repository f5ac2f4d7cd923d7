using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing;
using IntegrationBot.Editing.Live;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Storage.Postgres.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IntegrationBot.Bot.Hosting;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// The engine the bot answers from, for <c>ask</c> and <c>kb eval</c>: the shipped content with the edits published in
/// the console (from the configured store) applied, so an author sees the effect of an edit without a restart. A
/// LiteDB store that does not exist yet is not created, and one held by the running host is skipped with a note: then
/// the shipped content alone answers.
/// </summary>
internal static class LiveContent
{
    public static async Task<KnowledgeEngine> LoadEngineAsync(CliContext context, CancellationToken cancellationToken)
    {
        var engine = KnowledgeEngine.LoadDefault();
        var storage = new StorageOptions();
        context.Configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        if (storage.Provider == StorageOptions.MemoryProvider
            || (storage.Provider == StorageOptions.LiteDbProvider && !File.Exists(storage.DatabaseFilePath)))
        {
            return engine;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddDialogsRuntime(context.Configuration)
            .AddSingleton(engine)
            .AddKnowledgeEditing(context.Configuration)
            .AddStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<LiveKnowledge>().LoadAllAsync(cancellationToken);
        }
        catch (StorageOpenException)
        {
            // A running host holds the LiteDB file: answer from the shipped content and say so, rather than fail.
            await context.Error.WriteLineAsync("note: the store is in use (is the server running?); answering from the shipped content without the console's published edits");
        }

        return engine;
    }
}

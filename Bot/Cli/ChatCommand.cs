using IntegrationBot.Channels.Terminal;
using IntegrationBot.Flows;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Handoff;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>chat [--user NAME]</c>: one user message per input line until end of input; bot messages printed.</summary>
public sealed class ChatCommand : ICliCommand
{
    private const string DefaultUser = "local";

    public string Name => "chat";

    public string Usage => "chat [--user NAME]   talk to the bot; one message per line, until end of input";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!TryParseUser(args, out var user))
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return ExitCodes.Usage;
        }

        var services = new ServiceCollection()
            .AddDialogsRuntime(context.Configuration)
            .AddTerminalChannel(context.Output)
            .AddHandoff(context.Configuration)
            .AddIntegrationBotFlows(context.Configuration)
            .AddStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        await CliStorage.StartAsync(provider, cancellationToken);

        // Validate configuration and open the database before the first turn, so failures are reported up front.
        _ = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
        _ = provider.GetRequiredService<IStorage>();

        var adapter = provider.GetRequiredService<TerminalAdapter>();
        var bot = provider.GetRequiredService<IBot>();
        var outbox = provider.GetRequiredService<OutboxDispatcher>();

        // Replies a previous run committed but did not print (e.g. it was killed) come first.
        await outbox.DrainOnceAsync(cancellationToken);
        await adapter.StartSessionAsync(user, bot, cancellationToken);
        await outbox.DrainOnceAsync(cancellationToken);

        while (await context.Input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await adapter.ProcessLineAsync(user, line, bot, cancellationToken);
            await outbox.DrainOnceAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }

    private static bool TryParseUser(IReadOnlyList<string> args, out string user)
    {
        user = DefaultUser;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--user" && i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]))
            {
                user = args[++i].Trim();
            }
            else if (args[i].StartsWith("--user=", StringComparison.Ordinal) && args[i].Length > "--user=".Length)
            {
                user = args[i]["--user=".Length..].Trim();
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

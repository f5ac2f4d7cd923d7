using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Terminal;

public static class TerminalServiceCollectionExtensions
{
    /// <summary>Registers the terminal channel writing bot messages to <paramref name="output"/>.</summary>
    public static IServiceCollection AddTerminalChannel(this IServiceCollection services, TextWriter output)
    {
        services.AddSingleton(new PersonChannel(TerminalAdapter.ChannelId));
        services.AddSingleton(new TerminalConsole(output));
        services.AddSingleton<IChannelSender, TerminalSender>();
        services.AddSingleton<TerminalAdapter>();
        return services;
    }
}

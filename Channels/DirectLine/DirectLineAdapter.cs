using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Turn entry point of the web chat widget; its replies reach the page through <see cref="DirectLineSender"/>.</summary>
public sealed class DirectLineAdapter(BotRuntime runtime) : BotAdapter(runtime)
{
    public const string ChannelId = "webchat";
}

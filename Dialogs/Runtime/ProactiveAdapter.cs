namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// An adapter for turns no channel started, e.g. a counselor's reply: it runs <see cref="BotAdapter.ContinueConversationAsync"/>,
/// and the replies go into the outbox, which routes them to the conversation's channel.
/// </summary>
public sealed class ProactiveAdapter(BotRuntime runtime) : BotAdapter(runtime);

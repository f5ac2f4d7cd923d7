using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>Base of every contract: each test opens its own backend (a fresh LiteDB file or PostgreSQL schema).</summary>
public abstract class StoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IStoreBackend> OpenAsync();

    protected static Activity Message(string channel, string conversation, string text) => new()
    {
        ChannelId = channel,
        Conversation = new ConversationAccount(conversation),
        Text = text,
    };
}

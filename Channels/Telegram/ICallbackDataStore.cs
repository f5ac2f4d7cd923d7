namespace IntegrationBot.Channels.Telegram;

/// <summary>Maps button values longer than Telegram's 64-byte <c>callback_data</c> to short tokens and back.</summary>
public interface ICallbackDataStore
{
    string Shorten(string value);

    string? Resolve(string token);
}

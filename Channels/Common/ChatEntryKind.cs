namespace IntegrationBot.Channels.Common;

/// <summary>What kind of public chat entry an endpoint is; the host's shutdown gate, size cap and rate limits read it.</summary>
public enum ChatEntryKind
{
    /// <summary>A chat network's webhook (Telegram, Viber, ...): gated, size-capped, limited per source address.</summary>
    Webhook,

    /// <summary>A Direct Line (web chat) request: gated, size-capped, limited per address.</summary>
    DirectLine,

    /// <summary>A long-lived Direct Line WebSocket: refused once shutdown begins, but not a turn shutdown waits for.</summary>
    DirectLineStream,
}

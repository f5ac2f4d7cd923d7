namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>One message a test user sent, and the id the server gave it once a POST returned 200.</summary>
public sealed class SentMessage(Conversation conversation, string text)
{
    public Conversation Conversation { get; } = conversation;

    public string Text { get; } = text;

    public string ClientActivityId { get; } = Guid.NewGuid().ToString("N");

    public string? AcceptedId { get; set; }

    /// <summary>The id from the first run, before the crash, if it was accepted then.</summary>
    public string? AcceptedBeforeCrash { get; set; }
}

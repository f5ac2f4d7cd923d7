namespace IntegrationBot.LoadTool;

/// <summary>A message the host sent to a chat through the fake Bot API: when it arrived, its id and its inline buttons' data.</summary>
public sealed record TelegramReply(long At, int MessageId, IReadOnlyList<string> ButtonData)
{
    /// <summary>The flows end every turn with buttons (menu, feedback, choices), so a reply with buttons closes the turn.</summary>
    public bool EndsTurn => ButtonData.Count > 0;
}

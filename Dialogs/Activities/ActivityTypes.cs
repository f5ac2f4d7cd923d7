namespace IntegrationBot.Dialogs.Activities;

/// <summary>The activity <c>type</c> values the bot handles.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}

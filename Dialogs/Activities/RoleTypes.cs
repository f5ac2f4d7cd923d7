namespace IntegrationBot.Dialogs.Activities;

/// <summary>The <c>role</c> of a <see cref="ChannelAccount"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

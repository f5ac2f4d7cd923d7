using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.State;

/// <summary>State of one user on one channel (e.g. preferred language).</summary>
public sealed class UserState(IStorage storage) : BotState(storage, "user")
{
    public override string GetStorageKey(Activity activity) =>
        $"{Require(activity.ChannelId, "channelId")}/users/{Require(activity.From?.Id, "from id")}";
}

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>The <c>user_key</c> of a person's handoff rows (<c>channel|user</c>), the column erasure and export look them up by.</summary>
internal static class UserKeys
{
    public static string Of(string channelId, string userId) => $"{channelId}|{userId}";
}

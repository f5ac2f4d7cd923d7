using System.Security.Cryptography;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Unguessable conversation and user ids for the widget.</summary>
internal static class DirectLineIds
{
    public static string NewConversationId() => "dl" + Random(16);

    public static string NewUserId() => "dl_" + Random(12);

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
}

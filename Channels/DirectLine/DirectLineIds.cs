using System.Security.Cryptography;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Unguessable conversation and user ids for the widget.</summary>
internal static class DirectLineIds
{
    public static string NewConversationId() => "dl" + Random(16);

    // Not "dl_": Web Chat reserves that prefix for ids Azure's Direct Line embeds in its tokens, warns when a page
    // passes one as userID and uses a made-up id instead.
    public static string NewUserId() => "wc" + Random(12);

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
}

using System.Security.Cryptography;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// Ids for the bot's replies: 32 random lowercase hex digits, like a GUID without dashes. Random bytes are drawn from
/// the operating system in blocks, not one system call per reply, which a turn that sends three replies noticed.
/// </summary>
internal static class ReplyIds
{
    private const int IdBytes = 16;
    private const int BlockBytes = IdBytes * 32;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    public static string Next()
    {
        var block = t_block ??= new byte[BlockBytes];
        if (t_used == 0 || t_used == BlockBytes)
        {
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }

        var id = Convert.ToHexStringLower(block, t_used, IdBytes);
        // Each block is used once: no id can repeat or be derived from an earlier one.
        t_used += IdBytes;
        return id;
    }
}

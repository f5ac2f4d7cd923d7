using System.Runtime.InteropServices;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// Makes every file and folder this process creates its user's alone (umask 077 on Unix): the data folder, LiteDB's
/// files, the write journal, the lock, Data Protection's <c>keys/</c>. Set once, first thing in <c>Main</c>, before any
/// thread of ours creates a file.
/// </summary>
/// <remarks>
/// The process-wide mask rather than a mode on each create (<see cref="FileStreamOptions.UnixCreateMode"/>): the
/// libraries decide how they create their own files and folders (Data Protection made <c>keys/</c> 0755 under the
/// usual umask 022), and a mask covers every one of them, and any file a later change adds. .NET has no managed call
/// for it, so it is libc's <c>umask</c>, which cannot fail. Bits the operator's mask already clears stay cleared.
/// A Unix socket given in <c>--urls</c> is created owner-only too (docs/configuration.md).
/// </remarks>
internal static class OwnerOnlyUmask
{
    private const uint GroupAndOthers = 0b000_111_111;
    private const uint Permissions = 0b111_111_111;

    public static void Apply()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // umask only sets, returning the mask it replaced: set ours, then add back what the operator also cleared.
        var operators = umask(GroupAndOthers) & Permissions;
        if ((operators | GroupAndOthers) != GroupAndOthers)
        {
            umask(operators | GroupAndOthers);
        }
    }

    // mode_t is 32 bits on Linux and 16 on macOS; the value fits either, and only its 9 permission bits are read back.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
}

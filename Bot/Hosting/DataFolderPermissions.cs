using System.Runtime.Versioning;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// At start, closes a data folder that other users of the machine can read: an older version created it, and every
/// file in it, under the process's usual umask (folders 0755, files 0644), so anyone logged in to the server could read
/// every person's messages and the keys of their tokens. Group and other permissions are removed from the folder and
/// each entry under it (0755 becomes 0700, 0644 becomes 0600), and one log line says how many; a folder already closed
/// is left alone and nothing is logged. New files are closed from the start (<see cref="OwnerOnlyUmask"/>).
/// </summary>
/// <remarks>
/// Registered before every other hosted service, so the folder is closed before the host serves. Symbolic links are
/// not followed: only what is inside the folder changes. An entry the server's user does not own (made by root with
/// a command, say) cannot be changed; it is counted in a second warning instead.
/// </remarks>
internal sealed partial class DataFolderPermissions(IOptions<StorageOptions> storage, ILogger<DataFolderPermissions> logger) : IHostedService
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(storage.Value.Path);
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        var (restricted, refused) = Close(folder);
        if (restricted > 0)
        {
            LogRestricted(logger, folder, restricted);
        }

        if (refused > 0)
        {
            LogRefused(logger, folder, refused);
        }

        return Task.CompletedTask;
    }

    [UnsupportedOSPlatform("windows")]
    private static (int Restricted, int Refused) Close(string folder)
    {
        var (restricted, refused) = (0, 0);
        var inside = Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        });
        foreach (var entry in inside.Prepend(folder))
        {
            try
            {
                var mode = File.GetUnixFileMode(entry);
                if ((mode & GroupAndOthers) != 0)
                {
                    File.SetUnixFileMode(entry, mode & ~GroupAndOthers);
                    restricted++;
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since the folder was listed: nothing left to close.
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                refused++;
            }
        }

        return (restricted, refused);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data folder {Folder} was readable by other users of this machine: group and other permissions removed from {Restricted} entries (folders now 0700, files 0600)")]
    private static partial void LogRestricted(ILogger logger, string folder, int restricted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Refused} entries in the data folder {Folder} stay readable by other users: the server's user does not own them (run chmod -R go-rwx on the folder as their owner)")]
    private static partial void LogRefused(ILogger logger, string folder, int refused);
}

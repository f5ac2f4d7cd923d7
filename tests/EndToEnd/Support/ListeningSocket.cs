using System.Globalization;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>
/// Which process listens on a loopback port, read from Linux's /proc. A host's "/health" answering 200 only says that
/// some host listens there: with many test hosts started in parallel, a restarted host can lose its port to another
/// test's host, and the test would then go on talking to a stranger (other limits, other data, other fake APIs).
/// </summary>
internal static class ListeningSocket
{
    private const string Listen = "0A";

    /// <summary>True when <paramref name="pid"/> holds the listening socket of <paramref name="port"/>; null where /proc is not there.</summary>
    public static bool? IsHeldBy(int port, int pid)
    {
        if (!File.Exists("/proc/net/tcp"))
        {
            return null;
        }

        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return false;
        }

        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target["socket:[".Length..^1]))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while its descriptors were read.
        }

        return false;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1].EndsWith(hexPort, StringComparison.Ordinal) && columns[3] == Listen)
                {
                    inodes.Add(columns[9]);
                }
            }
        }

        return inodes;
    }
}

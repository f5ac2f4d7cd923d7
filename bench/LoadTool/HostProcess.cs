using System.Globalization;

namespace IntegrationBot.LoadTool;

/// <summary>What /proc says about a host process: CPU time used so far and peak/current resident memory.</summary>
public sealed record HostProcess(int Pid, TimeSpan CpuTime, long PeakResidentBytes, long ResidentBytes)
{
    // USER_HZ is 100 on every Linux this runs on (getconf CLK_TCK).
    private const double TicksPerSecond = 100;

    public static HostProcess? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may contain spaces) start at the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var status = File.ReadAllLines($"/proc/{pid}/status");
            return new HostProcess(pid, TimeSpan.FromSeconds(ticks / TicksPerSecond), Kilobytes(status, "VmHWM:"), Kilobytes(status, "VmRSS:"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long Kilobytes(string[] status, string field) =>
        status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024
            : 0;
}

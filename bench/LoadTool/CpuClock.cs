using System.Diagnostics;
using System.Globalization;

namespace IntegrationBot.LoadTool;

/// <summary>
/// CPU used so far by this tool and by the whole machine (<c>/proc/stat</c>), so a report can say how much of the
/// machine the host got, how much the tool itself took, and how busy everything else (other builds) kept it.
/// </summary>
public sealed record CpuClock(TimeSpan Tool, TimeSpan MachineBusy)
{
    private const double TicksPerSecond = 100;

    public static CpuClock Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuClock(self.TotalProcessorTime, MachineBusyTime());
    }

    private static TimeSpan MachineBusyTime()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": busy is everything but idle and iowait.
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var busy = fields.Sum() - fields[3] - fields[4];
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }
}

namespace IntegrationBot.LoadTool;

/// <summary>Reply latencies collected from many tasks; percentiles by the nearest-rank method.</summary>
public sealed class LatencyStats
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan latency)
    {
        lock (_gate)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            _milliseconds.Sort();
            var rank = (int)Math.Ceiling(p / 100 * _milliseconds.Count);
            return _milliseconds[Math.Clamp(rank - 1, 0, _milliseconds.Count - 1)];
        }
    }
}

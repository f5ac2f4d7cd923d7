using System.Collections.Concurrent;
using System.Diagnostics;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>
/// Counts the PostgreSQL round trips made inside <see cref="Measure{T}"/>'s flow, from Npgsql's own tracing (one
/// activity per command or batch sent). Only work started in the measured async flow counts, so tests running in
/// parallel in the same process do not disturb the count.
/// </summary>
public sealed class NpgsqlRoundTrips : IDisposable
{
    private static readonly AsyncLocal<NpgsqlRoundTrips?> Current = new();
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _commands = new();

    public NpgsqlRoundTrips()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Npgsql sets the SQL when the command finishes; the measured flow is known when it starts.
            ActivityStarted = activity =>
            {
                if (Current.Value is { } counter)
                {
                    activity.SetCustomProperty(nameof(NpgsqlRoundTrips), counter);
                }
            },
            ActivityStopped = activity =>
            {
                // Physical connection opens are traced too; only commands (which carry their SQL) are round trips of a turn.
                if (activity.GetCustomProperty(nameof(NpgsqlRoundTrips)) is NpgsqlRoundTrips counter && QueryText(activity) is { } text)
                {
                    counter._commands.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The SQL of each round trip counted so far, in order.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Runs <paramref name="work"/> and returns what it returned; its round trips are added to <see cref="Commands"/>.</summary>
    public async Task<T> Measure<T>(Func<Task<T>> work)
    {
        var before = Current.Value;
        Current.Value = this;
        try
        {
            return await work();
        }
        finally
        {
            Current.Value = before;
        }
    }

    public void Clear() => _commands.Clear();

    public void Dispose() => _listener.Dispose();

    private static string? QueryText(Activity activity) =>
        (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
}

using System.Collections.Concurrent;

namespace IntegrationBot.LoadTool;

/// <summary>Failed conversations, counted by kind of failure.</summary>
public sealed class ErrorCounter
{
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);

    public int Count => _byKind.Values.Sum();

    public void Note(Exception error)
    {
        var kind = error is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : error.GetType().Name;
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public string Summary() => string.Join(", ", _byKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}"));
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Token = hash of the value, so every instance gives a value the same token; the map is bounded.</summary>
/// <remarks>A token lost by a restart is still resolved from the pressed button's own title (see the mapper).</remarks>
public sealed class InMemoryCallbackDataStore(int capacity = 50_000) : ICallbackDataStore
{
    public const char TokenPrefix = '\u2063';

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public static string TokenFor(string value) =>
        TokenPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 18);

    public string Shorten(string value)
    {
        var token = TokenFor(value);
        if (_values.TryAdd(token, value))
        {
            _order.Enqueue(token);
            while (_order.Count > capacity && _order.TryDequeue(out var old))
            {
                _values.TryRemove(old, out _);
            }
        }
        return token;
    }

    public string? Resolve(string token) => _values.TryGetValue(token, out var value) ? value : null;
}

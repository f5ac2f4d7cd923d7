using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationBot.Dialogs.State;

/// <summary>
/// One scope's state as loaded in a turn. Typed values are kept as objects so in-place changes to them are saved too;
/// at commit everything is serialized with its declared type.
/// </summary>
internal sealed class StateDocument(string key, JsonObject raw, string? originalJson, string? eTag)
{
    private readonly Dictionary<string, (object? Value, Type Type)> _typed = new(StringComparer.Ordinal);

    public string Key { get; } = key;

    public string? ETag { get; } = eTag;

    public bool TryGet<T>(string name, out T value)
    {
        if (_typed.TryGetValue(name, out var typed))
        {
            value = (T)typed.Value!;
            return true;
        }

        if (raw.TryGetPropertyValue(name, out var node) && node is not null)
        {
            value = node.Deserialize<T>(StateJson.Options)!;
            _typed[name] = (value, typeof(T));
            return true;
        }

        value = default!;
        return false;
    }

    public void Set<T>(string name, T value) => _typed[name] = (value, typeof(T));

    public void Delete(string name)
    {
        _typed.Remove(name);
        raw.Remove(name);
    }

    /// <summary>The JSON to write, or null when nothing changed since load.</summary>
    public string? ChangedJson()
    {
        var merged = new JsonObject();
        foreach (var (name, node) in raw)
        {
            if (!_typed.ContainsKey(name))
            {
                merged[name] = node?.DeepClone();
            }
        }

        foreach (var (name, (value, type)) in _typed)
        {
            merged[name] = JsonSerializer.SerializeToNode(value, type, StateJson.Options);
        }

        var json = merged.ToJsonString(StateJson.Options);
        return json == (originalJson ?? "{}") ? null : json;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>Typed values a waterfall keeps between its steps; persisted with the dialog, read back as the asked type.</summary>
public sealed class DialogValues(JsonObject values)
{
    public bool Contains(string name) => values.ContainsKey(name);

    public T? Get<T>(string name) =>
        values.TryGetPropertyValue(name, out var node) && node is not null ? node.Deserialize<T>(StateJson.Options) : default;

    public void Set<T>(string name, T value) => values[name] = JsonSerializer.SerializeToNode(value, StateJson.Options);

    public void Remove(string name) => values.Remove(name);
}

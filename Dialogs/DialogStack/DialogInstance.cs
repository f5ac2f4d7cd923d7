using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>One entry of the dialog stack: which dialog, and its own state as JSON read back with the type the dialog asks for.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; init; } = [];

    public T? Read<T>(string name) =>
        State.TryGetPropertyValue(name, out var node) && node is not null ? node.Deserialize<T>(StateJson.Options) : default;

    public void Write<T>(string name, T value) => State[name] = JsonSerializer.SerializeToNode(value, StateJson.Options);
}

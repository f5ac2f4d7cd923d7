using System.Collections.Frozen;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.State;

namespace IntegrationBot.Flows.Actions;

/// <summary>
/// The one place a pressed button is dispatched: <see cref="FlowActions"/> value → handler, gathered from every
/// feature's <see cref="IFlowActions"/>. A value names at most one handler, so a new button cannot shadow another.
/// </summary>
public sealed class FlowActionTable
{
    private readonly FrozenDictionary<string, FlowActionHandler> _handlers;
    private readonly MenuFlow _menu;

    public FlowActionTable(IEnumerable<IFlowActions> features, MenuFlow menu)
    {
        var handlers = new Dictionary<string, FlowActionHandler>(StringComparer.Ordinal);
        foreach (var (action, handler) in features.SelectMany(f => f.Handlers))
        {
            if (!handlers.TryAdd(action, handler))
            {
                throw new InvalidOperationException($"Two handlers for the button action '{action}'.");
            }
        }

        _handlers = handlers.ToFrozenDictionary(StringComparer.Ordinal);
        _menu = menu;
    }

    /// <summary>The button actions that have a handler.</summary>
    public IReadOnlyCollection<string> Actions => _handlers.Keys;

    public Task RunAsync(FlowTurn turn, OfferedAction pressed, CancellationToken cancellationToken) =>
        RunAsync(turn, pressed.Action, pressed.Argument, cancellationToken);

    /// <summary>Runs the handler of <paramref name="action"/>; an action no handler knows (an old stored button) shows the menu.</summary>
    public Task RunAsync(FlowTurn turn, string action, string? argument, CancellationToken cancellationToken) =>
        _handlers.TryGetValue(action, out var handler)
            ? handler(turn, argument, cancellationToken)
            : _menu.ShowMenuAsync(turn, cancellationToken);
}

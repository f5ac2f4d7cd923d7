namespace IntegrationBot.Flows.Actions;

/// <summary>What pressing (or typing) one kind of button does: <paramref name="argument"/> is the button's own value (a topic id, a language).</summary>
public delegate Task FlowActionHandler(FlowTurn turn, string? argument, CancellationToken cancellationToken);

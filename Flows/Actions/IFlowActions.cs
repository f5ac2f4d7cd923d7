namespace IntegrationBot.Flows.Actions;

/// <summary>One feature's rows of the <see cref="FlowActionTable"/>: each <see cref="FlowActions"/> value it answers, with its handler.</summary>
public interface IFlowActions
{
    IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; }
}

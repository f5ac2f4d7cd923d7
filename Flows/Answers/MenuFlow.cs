using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Answers;

/// <summary>The main menu by category, each category's topics as buttons, and the help text.</summary>
public sealed class MenuFlow(KnowledgeEngine engine)
{
    public Task ShowMenuAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("menu.prompt", MenuButtons(turn), cancellationToken);

    public IReadOnlyList<OfferedAction> MenuButtons(FlowTurn turn) =>
    [
        turn.Button("plan.menuButton", FlowActions.Plan),
        .. TopicCategory.All.Select(c => turn.Button($"menu.category.{c}", FlowActions.Category, c)),
        turn.Button("menu.counselor", FlowActions.Counselor),
    ];

    public async Task ShowCategoryAsync(FlowTurn turn, string category, CancellationToken cancellationToken)
    {
        if (!TopicCategory.IsValid(category))
        {
            await ShowMenuAsync(turn, cancellationToken);
            return;
        }

        var name = turn.Localizer.Get(turn.Language, $"menu.category.{category}");
        var buttons = engine.Catalog.Topics
            .Where(t => t.Category == category)
            .Select(t => turn.ButtonWithTitle(t.TitleIn(turn.Language), FlowActions.Topic, t.Id))
            .Append(turn.Button("menu.back", FlowActions.Menu))
            .ToList();
        await turn.SayAsync("menu.topicsPrompt", new Dictionary<string, string> { ["category"] = name }, buttons, cancellationToken);
    }

    public Task ShowHelpAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("help.text",
        [
            turn.Button("menu.back", FlowActions.Menu),
            turn.Button("language.changeButton", FlowActions.ChangeLanguage),
            turn.Button("menu.counselor", FlowActions.Counselor),
            turn.Button("help.privacyButton", FlowActions.Privacy),
            turn.Button("help.deleteButton", FlowActions.Delete),
        ], cancellationToken);
}

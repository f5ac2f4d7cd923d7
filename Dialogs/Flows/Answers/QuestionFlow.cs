using System.Collections.Concurrent;
using IntegrationBot.Dialogs.Flows.Handoff;
using IntegrationBot.Dialogs.Flows.State;
using IntegrationBot.Dialogs.Localization;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Dialogs.Flows.Answers;

/// <summary>Answers a free-text question through the knowledge base: answer, clarify, none, handoff, emergency, or a greeting or thanks in kind.</summary>
public sealed class QuestionFlow(
    KnowledgeEngine engine,
    MenuFlow menu,
    OfficeInfo office,
    CounselorFlow counselor,
    IUnansweredQuestionLog unanswered,
    IOptions<FlowOptions> options,
    TimeProvider time)
{
    private const string EmergencyNumbersTopic = "emergency-numbers";

    // A topic's answer and buttons depend only on the topic, the voice and the office, all fixed for the process, so
    // they are rendered once per topic and voice instead of on every question (placeholder filling, bidi, splitting).
    private readonly ConcurrentDictionary<(string TopicId, Voice Voice), RenderedTopic> _rendered = new();

    public TopicCatalog Catalog => engine.Catalog;

    /// <summary>Acts on the engine's reading; <paramref name="extraButtons"/> go under the last message (e.g. "change language").</summary>
    public async Task AnswerAsync(FlowTurn turn, KnowledgeResult result, IReadOnlyList<OfferedAction>? extraButtons, CancellationToken cancellationToken)
    {
        extraButtons ??= [];
        switch (result.Decision)
        {
            case Decision.Emergency:
                await EmergencyAsync(turn, result.Topic, cancellationToken);
                break;
            case Decision.Handoff:
                await counselor.RequestAsync(turn, HandoffReason.AskedForHuman, cancellationToken);
                break;
            case Decision.Answer when result.Topic is not null:
                turn.Data = turn.Data with { LastQuestion = result.Text };
                await ShowTopicAsync(turn, result.Topic, extraButtons, cancellationToken);
                break;
            case Decision.Clarify:
                await ClarifyAsync(turn, result, extraButtons, cancellationToken);
                break;
            case Decision.Greeting:
                // "Hi" is how most people open a chat: greet back and show what there is, never "no good answer".
                await turn.SayAsync("greeting.reply", [.. menu.MenuButtons(turn), .. extraButtons], cancellationToken);
                break;
            case Decision.Thanks:
                await turn.SayAsync("thanks.reply", [turn.Button("menu.back", FlowActions.Menu), .. extraButtons], cancellationToken);
                break;
            default:
                await NoAnswerAsync(turn, result, extraButtons, cancellationToken);
                break;
        }
    }

    public async Task ShowTopicAsync(FlowTurn turn, string topicId, IReadOnlyList<OfferedAction>? extraButtons, CancellationToken cancellationToken)
    {
        if (Catalog.Find(topicId) is not { } topic)
        {
            return;
        }

        var rendered = Rendered(turn, topic);
        foreach (var part in rendered.Parts)
        {
            await turn.SendAsync(part, null, cancellationToken);
        }

        IReadOnlyList<OfferedAction> buttons = extraButtons is { Count: > 0 } ? [.. rendered.Buttons, .. extraButtons] : rendered.Buttons;
        var closing = rendered.Closing;
        turn.Data = turn.Data with
        {
            LastTopic = topic.Id,
            CounselorReason = topic.IsSensitive ? nameof(HandoffReason.Sensitive) : null,
        };
        await turn.SendAsync(closing, buttons, cancellationToken);
    }

    /// <summary>The emergency numbers at once, the matching helplines, and an urgent counselor offer; nothing else.</summary>
    public async Task EmergencyAsync(FlowTurn turn, string? topicId, CancellationToken cancellationToken)
    {
        await turn.SayAsync("emergency.message", cancellationToken: cancellationToken);
        if (topicId is not null && topicId != EmergencyNumbersTopic && Catalog.Find(topicId) is { IsEmergency: true } topic)
        {
            foreach (var part in Rendered(turn, topic).Parts)
            {
                await turn.SendAsync(part, null, cancellationToken);
            }
        }

        turn.Data = turn.Data with { LastTopic = topicId ?? EmergencyNumbersTopic, CounselorReason = nameof(HandoffReason.Emergency) };
        if (CounselorFlow.IsOpen(turn.Data))
        {
            await counselor.RequestAsync(turn, HandoffReason.Emergency, cancellationToken);
            return;
        }

        await turn.SayAsync("answer.sensitiveOffer", [turn.Button("emergency.counselorOffer", FlowActions.UrgentCounselor)], cancellationToken);
    }

    public async Task RecordAsync(FlowTurn turn, string text, UnansweredKind kind, CancellationToken cancellationToken)
    {
        var activity = turn.Context.Activity;
        // Without the privacy notice accepted nothing the person wrote is kept: free text can name them, and an
        // anonymous record could never be found again to honour an erasure request.
        if (turn.Data.Privacy != PrivacyChoice.Accepted)
        {
            return;
        }

        await unanswered.RecordAsync(
            new UnansweredQuestion(activity.ChannelId ?? string.Empty, activity.From?.Id ?? string.Empty, turn.Language, turn.Data.LastTopic, text, kind, time.GetUtcNow()),
            cancellationToken);
    }

    private RenderedTopic Rendered(FlowTurn turn, Topic topic) =>
        _rendered.GetOrAdd((topic.Id, turn.Voice), static (key, state) => state.Flow.Render(state.Turn, state.Topic), (Flow: this, Turn: turn, Topic: topic));

    private RenderedTopic Render(FlowTurn turn, Topic topic)
    {
        var language = turn.Language;
        var answer = Localizer.Render(turn.Voice, OfficePlaceholders.Fill(topic.AnswerIn(language), office));
        IReadOnlyList<OfferedAction> buttons =
        [
            .. topic.Related
                .Select(Catalog.Find)
                .OfType<Topic>()
                .Take(3)
                .Select(t => turn.ButtonWithTitle(t.TitleIn(language), FlowActions.Topic, t.Id)),
            turn.Button("answer.helpfulYes", FlowActions.HelpfulYes),
            turn.Button("answer.helpfulNo", FlowActions.HelpfulNo),
            turn.Button("menu.counselor", FlowActions.Counselor),
        ];
        // The official page(s) the answer comes from, so the person can check it; channels make them tappable.
        var source = topic.Sources.Count > 0 ? turn.Say("answer.source", new Dictionary<string, string> { ["links"] = string.Join(" ", topic.Sources) }) + "\n" : "";
        var closing = topic.IsSensitive
            ? turn.Say("answer.sensitiveOffer") + "\n" + source + turn.Say("answer.helpfulQuestion")
            : source + turn.Say("answer.helpfulQuestion");
        return new RenderedTopic(AnswerSplitter.Split(answer, options.Value.MaxReplyLength), buttons, closing);
    }

    private async Task ClarifyAsync(FlowTurn turn, KnowledgeResult result, IReadOnlyList<OfferedAction> extraButtons, CancellationToken cancellationToken)
    {
        var buttons = result.Candidates
            .Take(3)
            .Select(c => Catalog.Find(c.Topic))
            .OfType<Topic>()
            .Select(t => turn.ButtonWithTitle(t.TitleIn(turn.Language), FlowActions.Topic, t.Id))
            .Append(turn.Button("clarify.noneOfThese", FlowActions.NoneOfThese))
            .Concat(extraButtons)
            .ToList();
        turn.Data = turn.Data with { LastQuestion = result.Text, LastTopic = null, CounselorReason = nameof(HandoffReason.LowConfidence) };
        await turn.SayAsync("clarify.prompt", buttons, cancellationToken);
    }

    private async Task NoAnswerAsync(FlowTurn turn, KnowledgeResult result, IReadOnlyList<OfferedAction> extraButtons, CancellationToken cancellationToken)
    {
        turn.Data = turn.Data with { LastQuestion = result.Text, LastTopic = null, CounselorReason = nameof(HandoffReason.LowConfidence) };
        await RecordAsync(turn, result.Text, UnansweredKind.NoMatch, cancellationToken);
        IReadOnlyList<OfferedAction> buttons =
        [
            turn.Button("menu.back", FlowActions.Menu),
            turn.Button("menu.counselor", FlowActions.Counselor),
            .. extraButtons,
        ];
        await turn.SayAsync("none.message", buttons, cancellationToken);
    }

    private sealed record RenderedTopic(IReadOnlyList<string> Parts, IReadOnlyList<OfferedAction> Buttons, string Closing);
}

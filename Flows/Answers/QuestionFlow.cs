using System.Collections.Concurrent;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Answers;

/// <summary>Answers a free-text question through the knowledge base: answer, clarify, none, handoff, emergency, or a greeting or thanks in kind.</summary>
public sealed class QuestionFlow(
    KnowledgeEngine engine,
    MenuFlow menu,
    AnswerText answerText,
    CounselorFlow counselor,
    IUnansweredQuestionLog unanswered,
    OfficeHours hours,
    TimeProvider time,
    TopicCounter counter,
    QuestionParts questionParts,
    PlanFlow plan)
{
    private const string EmergencyNumbersTopic = "emergency-numbers";
    private const int MaxOffered = 3;

    // A topic's answer and buttons depend only on the live catalog (topics and local directory), the voice and the
    // office, so they are rendered once per topic and voice instead of on every question (placeholder filling, bidi,
    // splitting). A publish swaps the catalog, and a new catalog starts a new cache: an edited topic or directory
    // entry shows at once in every answer.
    private RenderCache _rendered = new(null, new());

    public TopicCatalog Catalog => engine.Catalog;

    /// <summary>Whether the message asks something rather than tells (<see cref="QuestionParts.Asks"/>), in the language it
    /// was read in.</summary>
    public bool Asks(string text, string language) => questionParts.Asks(text, language);

    /// <summary>Acts on the engine's reading; <paramref name="extraButtons"/> go under the last message (e.g. "change language").</summary>
    public async Task AnswerAsync(FlowTurn turn, KnowledgeResult result, IReadOnlyList<OfferedAction>? extraButtons, CancellationToken cancellationToken)
    {
        extraButtons ??= [];
        if (result.FirstSteps && result.Decision is Decision.None or Decision.Clarify)
        {
            // "I just arrived, what should I do first?": no topic answers it (it was "no good answer" or a "Did you mean"
            // of unrelated topics); the first-steps plan does. A clear topic ("I just arrived, where do I register my
            // address?") is still answered as asked.
            await plan.StartOrShowAsync(turn, cancellationToken);
            return;
        }

        switch (result.Decision)
        {
            case Decision.Emergency:
                await EmergencyAsync(turn, result, cancellationToken);
                break;
            case Decision.Handoff:
                await counselor.RequestAsync(turn, HandoffReason.AskedForHuman, cancellationToken);
                break;
            case Decision.Frustration:
                // "This does not help": a person, not another topic.
                turn.Data = turn.Data with { CounselorReason = nameof(HandoffReason.NegativeFeedback) };
                await turn.SayAsync("frustration.offer", [turn.Button("menu.counselor", FlowActions.Counselor), turn.Button("menu.back", FlowActions.Menu), .. extraButtons], cancellationToken);
                break;
            case Decision.Answer when result.Topic is not null:
                // Several questions: the first as written, then each other one a tap away.
                var asked = questionParts.TopicsAsked(engine, result, turn.Language);
                await AnswerTopicAsync(turn, result, asked is [var firstAsked, ..] ? firstAsked : result.Topic, asked, extraButtons, cancellationToken);
                break;
            case Decision.Clarify when questionParts.TopicsAsked(engine, result, turn.Language) is [var first, ..] severalAsked:
                // Clear questions read as one unclear one: answer the first, offer the others.
                await AnswerTopicAsync(turn, result, first, severalAsked, extraButtons, cancellationToken);
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

    /// <summary>
    /// The words written after 👎 ("What were you looking for?") are often the question itself in other words ("where is
    /// the police?" after the bank's answer). Read as a question, they are answered when they clearly point at other
    /// topics than the one rated: an answer, or a "Did you mean" of its candidates. Otherwise null: only recorded.
    /// </summary>
    public KnowledgeResult? OtherQuestionIn(FlowTurn turn, string words, string? ratedTopic) =>
        KnowledgeReading.Ask(turn.Context, engine, words, turn.Language) is { Decision: Decision.Answer or Decision.Clarify, Topic: { } topic } reading
            && topic != ratedTopic
            ? reading
            : null;

    private async Task AnswerTopicAsync(FlowTurn turn, KnowledgeResult result, string topic, IReadOnlyList<string> asked, IReadOnlyList<OfferedAction> extraButtons, CancellationToken cancellationToken)
    {
        turn.Data = turn.Data with { LastQuestion = result.Text };
        await ShowTopicAsync(turn, topic, extraButtons, cancellationToken, alsoAsked: [.. asked.Where(t => t != topic)]);
        await counter.CountAsync(topic, TopicCountKind.Asked, cancellationToken);
    }

    /// <summary>The topic's answer; <paramref name="alsoAsked"/>, the other questions of a message that asked several, are
    /// named under it and are the first buttons, in the order written.</summary>
    public async Task ShowTopicAsync(FlowTurn turn, string topicId, IReadOnlyList<OfferedAction>? extraButtons, CancellationToken cancellationToken, IReadOnlyList<string>? alsoAsked = null)
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
        List<Topic> offered = [.. (alsoAsked ?? []).Select(Catalog.Find).OfType<Topic>().Where(t => t.Id != topic.Id).Take(MaxOffered)];
        if (offered.Count > 0)
        {
            closing = AlsoAsked(turn, offered) + "\n" + closing;
            buttons =
            [
                .. offered.Select(t => turn.ButtonWithTitle(t.TitleIn(turn.Language), FlowActions.Topic, t.Id)),
                .. buttons.Where(b => b is not { Action: FlowActions.Topic } || offered.All(t => t.Id != b.Argument)),
            ];
        }

        turn.Data = turn.Data with
        {
            LastTopic = topic.Id,
            CounselorReason = topic.IsSensitive ? nameof(HandoffReason.Sensitive) : null,
        };
        await turn.SendAsync(closing, buttons, cancellationToken);
    }

    // One other question in a sentence; several as a list, since titles have an "and" of their own ("Phone and SIM card").
    private static string AlsoAsked(FlowTurn turn, IReadOnlyList<Topic> offered)
    {
        if (offered is [var one])
        {
            return turn.Say("answer.alsoAsked", new Dictionary<string, string> { ["topic"] = one.TitleIn(turn.Language) });
        }

        var lines = offered.Select(t => turn.Localizer.Get(turn.Language, "answer.alsoAskedItem", new Dictionary<string, string> { ["topic"] = t.TitleIn(turn.Language) }));
        return turn.Say("answer.alsoAskedMany", new Dictionary<string, string> { ["topics"] = string.Join("\n", lines) });
    }

    /// <summary>
    /// The numbers for this kind of danger at once (the right one first), and one tap to an urgent counselor. Before the
    /// privacy notice is accepted the message is kept for the counselor anyway, on vital interests (GDPR Art. 6(1)(d)),
    /// and the person is told so in one line: a crisis must not reach the counselor as an empty request.
    /// </summary>
    public async Task EmergencyAsync(FlowTurn turn, KnowledgeResult danger, CancellationToken cancellationToken)
    {
        var kind = danger.EmergencyKind;
        // First, so the numbers' message is marked too (SensitiveMark).
        turn.Data = turn.Data with { LastTopic = danger.Topic ?? EmergencyNumbersTopic, CounselorReason = nameof(HandoffReason.Emergency) };
        await turn.SayAsync(kind == EmergencyKind.None ? "emergency.message" : $"emergency.{IntentDetector.NameOf(kind)}", cancellationToken: cancellationToken);
        if (turn.Data.Privacy != PrivacyChoice.Accepted && !turn.Data.VitalInterests)
        {
            turn.Data = turn.Data with { VitalInterests = true };
            await turn.SayAsync("emergency.keptForCounselor", cancellationToken: cancellationToken);
        }

        if (CounselorFlow.IsOpen(turn.Data))
        {
            await counselor.RequestAsync(turn, HandoffReason.Emergency, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        if (!hours.IsOpen(now) && hours.NextOpening(now) is { } opening)
        {
            // After hours nobody reads it "now": say when a person will, and let them leave the message.
            var args = new Dictionary<string, string> { ["opening"] = OpeningText.Format(opening, hours, turn.Language) };
            await turn.SayAsync("emergency.counselorOfferClosed", args, [turn.Button("emergency.counselorOfferClosedButton", FlowActions.UrgentCounselor)], cancellationToken);
            return;
        }

        await turn.SayAsync("answer.sensitiveOffer", [turn.Button("emergency.counselorOffer", FlowActions.UrgentCounselor)], cancellationToken);
    }

    /// <summary>Counts 👍 or 👎 for the topic last answered (nothing when the buttons came under something else).</summary>
    public Task CountFeedbackAsync(FlowTurn turn, bool helpful, CancellationToken cancellationToken) =>
        counter.CountAsync(turn.Data.LastTopic, helpful ? TopicCountKind.Helpful : TopicCountKind.NotHelpful, cancellationToken);

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

    private RenderedTopic Rendered(FlowTurn turn, Topic topic)
    {
        var catalog = Catalog;
        var cache = _rendered;
        if (!ReferenceEquals(cache.Catalog, catalog))
        {
            cache = new RenderCache(catalog, new());
            _rendered = cache;
        }

        return cache.Topics.GetOrAdd((topic.Id, turn.Voice), static (key, state) => state.Flow.Render(state.Turn, state.Topic), (Flow: this, Turn: turn, Topic: topic));
    }

    private RenderedTopic Render(FlowTurn turn, Topic topic)
    {
        var language = turn.Language;
        IReadOnlyList<OfferedAction> related =
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

        // The details are one tap away on every channel: the short answer first, "More details" before the other buttons.
        IReadOnlyList<OfferedAction> buttons = topic.DetailsIn(language) is null
            ? related
            : [turn.Button("answer.moreDetails", FlowActions.Details, topic.Id), .. related];
        var closing = topic.IsSensitive
            ? turn.Say("answer.sensitiveOffer") + "\n" + turn.Say("answer.helpfulQuestion")
            : turn.Say("answer.helpfulQuestion");
        var answer = answerText.Parts(topic.AnswerIn(language), topic.Sources, turn.Voice);
        var details = topic.DetailsIn(language) is { } text ? answerText.Parts(text, topic.Sources, turn.Voice) : [];
        return new RenderedTopic(answer, buttons, closing, details, related);
    }

    /// <summary>The topic's details (after "More details"), then the topic's usual buttons.</summary>
    public async Task ShowDetailsAsync(FlowTurn turn, string topicId, CancellationToken cancellationToken)
    {
        if (Catalog.Find(topicId) is not { } topic)
        {
            return;
        }

        var rendered = Rendered(turn, topic);
        if (rendered.Details.Count == 0)
        {
            await ShowTopicAsync(turn, topicId, null, cancellationToken);
            return;
        }

        foreach (var part in rendered.Details)
        {
            await turn.SendAsync(part, null, cancellationToken);
        }

        turn.Data = turn.Data with { LastTopic = topic.Id };
        await turn.SendAsync(rendered.Closing, rendered.RelatedButtons, cancellationToken);
    }

    private async Task ClarifyAsync(FlowTurn turn, KnowledgeResult result, IReadOnlyList<OfferedAction> extraButtons, CancellationToken cancellationToken)
    {
        var buttons = FollowingUp(turn.Data.LastTopic, result)
            .Take(3)
            .Select(id => Catalog.Find(id))
            .OfType<Topic>()
            .Select(t => turn.ButtonWithTitle(t.TitleIn(turn.Language), FlowActions.Topic, t.Id))
            .Append(turn.Button("clarify.noneOfThese", FlowActions.NoneOfThese))
            .Concat(extraButtons)
            .ToList();
        turn.Data = turn.Data with { LastQuestion = result.Text, LastTopic = null, CounselorReason = nameof(HandoffReason.LowConfidence) };
        await turn.SayAsync("clarify.prompt", buttons, cancellationToken);
    }

    // A follow-up ("what do I bring?", "where is it?") right after an answer is most likely about that answer's topic:
    // found walking Albanian, "çfarë duhet të sjell?" after the bank's answer offered the residence permit first. The
    // topic just answered comes first when it is a candidate or the message is as short as a follow-up.
    private const int FollowUpMaxWords = 4;

    private static IEnumerable<string> FollowingUp(string? lastTopic, KnowledgeResult result)
    {
        var candidates = result.Candidates.Select(c => c.Topic);
        var isFollowUp = lastTopic is not null
            && (candidates.Contains(lastTopic) || result.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= FollowUpMaxWords);
        return isFollowUp ? candidates.Where(t => t != lastTopic).Prepend(lastTopic!) : candidates;
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

    private sealed record RenderedTopic(
        IReadOnlyList<string> Parts,
        IReadOnlyList<OfferedAction> Buttons,
        string Closing,
        IReadOnlyList<string> Details,
        IReadOnlyList<OfferedAction> RelatedButtons);

    private sealed record RenderCache(TopicCatalog? Catalog, ConcurrentDictionary<(string TopicId, Voice Voice), RenderedTopic> Topics);
}

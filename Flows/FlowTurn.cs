using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Flows;

/// <summary>
/// One turn as the flows see it: the turn context, the conversation's data (saved at the end), its dialog stack and
/// localized sending.
/// </summary>
public sealed class FlowTurn(ITurnContext context, ConversationData data, Localizer localizer, DialogContext dialogs)
{
    /// <summary>Where the flows find this turn from inside dialogs.</summary>
    private static readonly TurnStateKey<FlowTurn> Key = new("flows.turn");

    public ITurnContext Context { get; } = context;

    public ConversationData Data { get; set; } = data;

    /// <summary>The conversation's dialog stack: where every question that waits for the person's next message is kept.</summary>
    public DialogContext Dialogs { get; } = dialogs;

    public Localizer Localizer { get; } = localizer;

    /// <summary>Set by /delete: nothing of this conversation may be saved at the end of the turn.</summary>
    public bool Erased { get; set; }

    /// <summary>The message text after the input guard cleaned it.</summary>
    public string Text { get; init; } = string.Empty;

    public Voice Voice => FlowState.VoiceOf(Data);

    public string Language => Voice.Language;

    /// <summary>The localized string for this person, rendered for their script and direction.</summary>
    public string Say(string key, IReadOnlyDictionary<string, string>? args = null) => Localizer.Say(Voice, key, args);

    /// <summary>A button with a localized title.</summary>
    public OfferedAction Button(string key, string action, string? argument = null) => new(Localizer.Title(Voice, key), action, argument);

    /// <summary>A button whose title is content (a topic title, a language name).</summary>
    public OfferedAction ButtonWithTitle(string title, string action, string? argument = null) =>
        new(Localizer.RenderTitle(Voice, title), action, argument);

    public Task SayAsync(string key, IReadOnlyList<OfferedAction>? buttons = null, CancellationToken cancellationToken = default) =>
        SendAsync(Say(key), buttons, cancellationToken);

    public Task SayAsync(string key, IReadOnlyDictionary<string, string> args, IReadOnlyList<OfferedAction>? buttons = null, CancellationToken cancellationToken = default) =>
        SendAsync(Say(key, args), buttons, cancellationToken);

    /// <summary>Sends already rendered text; its buttons become what the next message may press.</summary>
    public async Task SendAsync(string text, IReadOnlyList<OfferedAction>? buttons = null, CancellationToken cancellationToken = default)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = "plain",
            SuggestedActions = buttons is { Count: > 0 } ? new SuggestedActions([.. buttons.Select(b => CardAction.Im(b.Title))]) : null,
        };
        await Context.SendActivityAsync(activity, cancellationToken);
        Data = Data with { Offered = buttons ?? [] };
    }

    /// <summary>Sends a person's own words (a counselor's message) to go out on every channel exactly as written.</summary>
    public Task SendVerbatimAsync(string text, CancellationToken cancellationToken = default) =>
        SendVerbatimAsync(text, mark: null, cancellationToken);

    /// <summary>As above; <paramref name="mark"/> adds to the activity (e.g. the counselor message's delivery tag).</summary>
    public Task SendVerbatimAsync(string text, Func<Activity, Activity>? mark, CancellationToken cancellationToken = default)
    {
        var activity = VerbatimText.Mark(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" });
        return Context.SendActivityAsync(mark is null ? activity : mark(activity), cancellationToken);
    }

    /// <summary>The flow turn of a turn context (set by the bot at the start of the turn).</summary>
    public static FlowTurn Of(ITurnContext context) =>
        Key.Get(context) ?? throw new InvalidOperationException("The flows did not start this turn.");

    /// <summary>Makes this the flow turn of its turn context, for the dialogs that run in it.</summary>
    public FlowTurn Attach()
    {
        Key.Set(Context, this);
        return this;
    }
}

using System.Collections.Frozen;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.State;

/// <summary>The typed state properties the flows and their middleware share (one instance per process).</summary>
public sealed class FlowState(ConversationState conversationState, UserState userState)
{
    public IStatePropertyAccessor<ConversationData> Conversation { get; } = conversationState.CreateProperty<ConversationData>("flow");

    public IStatePropertyAccessor<UserProfile> User { get; } = userState.CreateProperty<UserProfile>("profile");

    public IStatePropertyAccessor<DialogState> Dialogs { get; } = conversationState.CreateProperty<DialogState>("dialogs");

    public Task<ConversationData> LoadAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        Conversation.GetAsync(turn, () => new ConversationData(), cancellationToken);

    public Task SaveAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken) =>
        Conversation.SetAsync(turn, data, cancellationToken);

    // The flows ask for the voice on every string and button; these few are all there are for the supported languages.
    private static readonly FrozenDictionary<string, Voice> Voices = Language.All.ToFrozenDictionary(l => l, l => new Voice(l), StringComparer.Ordinal);
    private static readonly Voice CyrillicBcs = new(Language.Bcs, Cyrillic: true);

    /// <summary>How to write to the person: their language (English until known) and script.</summary>
    public static Voice VoiceOf(ConversationData data)
    {
        var language = data.Language ?? Language.English;
        if (data.Cyrillic && language == Language.Bcs)
        {
            return CyrillicBcs;
        }

        return Voices.TryGetValue(language, out var voice) ? voice : new Voice(language);
    }

    /// <summary>Forgets everything the flows stored about this conversation and person.</summary>
    public async Task EraseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await Conversation.DeleteAsync(turn, cancellationToken);
        await Dialogs.DeleteAsync(turn, cancellationToken);
        await User.DeleteAsync(turn, cancellationToken);
    }
}

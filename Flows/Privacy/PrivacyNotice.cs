using System.Globalization;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Privacy;

/// <summary>The privacy notice: shown, explained, accepted or declined; accepting starts the handoff that waited for it.</summary>
public sealed class PrivacyNotice(MenuFlow menu, CounselorFlow counselor, IOptions<PrivacyOptions> privacyOptions)
{
    public Task ShowAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("privacy.notice", RetentionArgs(), Buttons(turn), cancellationToken);

    /// <summary>
    /// /privacy: the notice, or its details when the unanswered notice (or a request's consent prompt) is the last
    /// message, so the same notice is never shown twice in a row.
    /// </summary>
    public Task ShowRequestedAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        IsOnScreen(turn.Data) && turn.Data.Offered.Any(o => o.Action == FlowActions.PrivacyMore)
            ? ShowMoreAsync(turn, cancellationToken)
            : ShowAsync(turn, cancellationToken);

    /// <summary>The privacy question is open and on screen: the last message offered its Accept.</summary>
    public static bool IsOnScreen(ConversationData data) =>
        data.Privacy == PrivacyChoice.Unanswered && data.Offered.Any(o => o.Action == FlowActions.PrivacyAccept);

    /// <summary>The notice in a language the client's locale chose (a phone's language is often not the person's own),
    /// with a way to change it.</summary>
    public Task ShowInGuessedLanguageAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("privacy.notice", RetentionArgs(), [.. Buttons(turn), turn.Button("language.changeButton", FlowActions.ChangeLanguage)], cancellationToken);

    public Task ShowMoreAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("privacy.more", RetentionArgs(),
            [turn.Button("privacy.accept", FlowActions.PrivacyAccept), turn.Button("privacy.decline", FlowActions.PrivacyDecline)], cancellationToken);

    /// <summary>Accepted: the handoff waiting for consent starts now, otherwise the menu.</summary>
    public async Task AcceptAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var waiting = await HandoffConsentDialog.EndAsync(turn.Dialogs, cancellationToken);
        var keptForEmergency = turn.Data.VitalInterests;
        turn.Data = turn.Data with { Privacy = PrivacyChoice.Accepted };
        if (waiting is { } reason)
        {
            await counselor.RequestAsync(turn, reason, cancellationToken);
            // What the person wrote before consenting was not kept, so the request carries none of it: said plainly,
            // or they wait believing the counselor has read their question. After an emergency it was kept and is read.
            if (!keptForEmergency)
            {
                await turn.SayAsync("privacy.writeAfterConsent", cancellationToken: cancellationToken);
            }

            return;
        }

        await turn.SayAsync("privacy.accepted", cancellationToken: cancellationToken);
        await menu.ShowMenuAsync(turn, cancellationToken);
    }

    /// <summary>Declined: a handoff waiting for consent is dropped; the bot still answers.</summary>
    public async Task DeclineAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        await HandoffConsentDialog.EndAsync(turn.Dialogs, cancellationToken);
        turn.Data = turn.Data with { Privacy = PrivacyChoice.Declined };
        await turn.SayAsync("privacy.declined", menu.MenuButtons(turn), cancellationToken);
    }

    /// <summary>Accept, read more, decline: under the notice and under a handoff that needs consent.</summary>
    public static IReadOnlyList<OfferedAction> Buttons(FlowTurn turn) => Buttons(turn.Localizer, turn.Voice);

    /// <summary>The same buttons outside a flow turn (read before the turn runs).</summary>
    public static IReadOnlyList<OfferedAction> Buttons(Localizer localizer, Voice voice) =>
    [
        new(localizer.Title(voice, "privacy.accept"), FlowActions.PrivacyAccept),
        new(localizer.Title(voice, "privacy.readMore"), FlowActions.PrivacyMore),
        new(localizer.Title(voice, "privacy.decline"), FlowActions.PrivacyDecline),
    ];

    /// <summary>The notice's <c>{retentionDays}</c>, also for the consent prompt that carries the notice's terms.</summary>
    public Dictionary<string, string> RetentionArgs() =>
        new() { ["retentionDays"] = privacyOptions.Value.RetentionDays.ToString(CultureInfo.InvariantCulture) };
}

using System.Reflection;
using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Questions that wait for the person's next message live on the dialog stack: a handoff waiting for privacy consent,
/// the language switch question; and every button has exactly one handler.
/// </summary>
public sealed class WaitingQuestionTests
{
    private const string ConversationKey = "test/conversations/conv-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_handoff_waiting_for_consent_starts_when_accept_is_typed_after_a_question()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        Assert.Equal(bot.Text(Language.English, "privacy.handoffOnAccept"), Assert.Single(await bot.SendAsync("/counselor")).Text);

        var answer = await bot.SendAsync("how do I open a bank account");
        Assert.Equal(bot.AnswerOf("bank-account", new("en")), FlowHarness.AnswerText(answer));
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));

        var queued = await bot.SendAsync("accept");

        Assert.Equal(
            [bot.Text(Language.English, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), bot.Text(Language.English, "privacy.writeAfterConsent")],
            queued.Select(r => r.Text));
        Assert.Equal(HandoffReason.AskedForHuman, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Reason);
    }

    [Fact]
    public async Task A_command_leaves_a_handoff_waiting_for_consent_in_place()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian, acceptPrivacy: false);
        await bot.SendAsync(bot.Title(Language.Slovenian, "menu.counselor"));

        await bot.SendAsync("/help");
        var notice = await bot.SendAsync(bot.Title(Language.Slovenian, "help.privacyButton"));
        Assert.Equal(bot.Title(Language.Slovenian, "privacy.accept"), notice[^1].SuggestedActions!.Actions[0].Title);
        var queued = await bot.SendAsync(bot.Title(Language.Slovenian, "privacy.accept"));

        Assert.Equal(
            [bot.Text(Language.Slovenian, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), bot.Text(Language.Slovenian, "privacy.writeAfterConsent")],
            queued.Select(r => r.Text));
    }

    [Fact]
    public async Task Declining_drops_the_handoff_that_waited_for_consent()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        await bot.SendAsync("/counselor");

        var declined = await bot.SendAsync(bot.Title(Language.English, "privacy.decline"));
        Assert.Equal(bot.Text(Language.English, "privacy.declined"), declined[0].Text);
        await bot.SendAsync("/privacy");
        var accepted = await bot.SendAsync(bot.Title(Language.English, "privacy.accept"));

        Assert.Equal(bot.Text(Language.English, "privacy.accepted"), accepted[0].Text);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));
    }

    [Fact]
    public async Task An_urgent_request_without_consent_ends_the_wait_so_the_next_message_reaches_the_counselor()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs, acceptPrivacy: false);
        await bot.SendAsync("/counselor");

        await bot.SendAsync("pomoć muž me tuče");
        await bot.SendAsync(bot.Title(Language.Bcs, "emergency.counselorOffer"));
        await bot.SendAsync("on je još u stanu");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "on je još u stanu");
        var stored = JsonNode.Parse((await bot.Storage.ReadAsync([ConversationKey], Ct))[ConversationKey].Json)!;
        Assert.Empty(stored["dialogs"]?["stack"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task A_message_that_is_not_yes_or_no_ends_the_switch_question_and_is_read_as_usual()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        await bot.SendAsync("how do I open a bank account in Postojna");

        var menu = await bot.SendAsync("/menu");
        Assert.Equal(bot.Text(Language.Slovenian, "menu.prompt"), Assert.Single(menu).Text);
        var answer = await bot.SendAsync("kako odprem bančni račun");

        Assert.Equal(bot.AnswerOf("bank-account", new("sl")), FlowHarness.AnswerText(answer));
    }

    [Fact]
    public async Task State_stored_before_the_switch_question_was_a_dialog_loads_and_its_old_yes_button_still_switches()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        var yes = bot.Title(Language.English, "language.switchYes");
        var item = (await bot.Storage.ReadAsync([ConversationKey], Ct))[ConversationKey];
        var document = JsonNode.Parse(item.Json)!.AsObject();
        var flow = document["flow"]!.AsObject();
        flow["pendingSwitchLanguage"] = "en";
        flow["pendingSwitchQuestion"] = "how do I open a bank account in Postojna";
        flow["pendingHandoffReason"] = "AskedForHuman";
        flow["offered"] = new JsonArray(new JsonObject { ["title"] = yes, ["action"] = FlowActions.SwitchYes, ["argument"] = "en" });
        await bot.Storage.WriteAsync(new Dictionary<string, StoredItem> { [ConversationKey] = new(document.ToJsonString(), item.ETag) }, Ct);

        var switched = await bot.SendAsync(yes);

        Assert.Equal(bot.Text(Language.English, "language.chosen"), switched[0].Text);
        Assert.Equal(bot.Text(Language.English, "menu.prompt"), switched[^1].Text);
        var saved = JsonNode.Parse((await bot.Storage.ReadAsync([ConversationKey], Ct))[ConversationKey].Json)!["flow"]!.AsObject();
        Assert.Equal("en", (string?)saved["language"]);
        Assert.False(saved.ContainsKey("pendingSwitchLanguage"));
        Assert.False(saved.ContainsKey("pendingHandoffReason"));
    }

    [Fact]
    public async Task A_handoff_stored_as_waiting_for_consent_before_the_upgrade_still_starts_on_accept()
    {
        // Someone asked for a counselor, saw the privacy notice, and the bot was upgraded before they pressed Accept:
        // their request was kept in a field then, and must not be dropped now that the wait is a dialog.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        var accept = bot.Title(Language.English, "privacy.accept");
        var item = (await bot.Storage.ReadAsync([ConversationKey], Ct))[ConversationKey];
        var document = JsonNode.Parse(item.Json)!.AsObject();
        var flow = document["flow"]!.AsObject();
        flow["pendingHandoffReason"] = "AskedForHuman";
        flow["offered"] = new JsonArray(new JsonObject { ["title"] = accept, ["action"] = FlowActions.PrivacyAccept });
        await bot.Storage.WriteAsync(new Dictionary<string, StoredItem> { [ConversationKey] = new(document.ToJsonString(), item.ETag) }, Ct);

        var queued = await bot.SendAsync(accept);

        Assert.Equal(
            [bot.Text(Language.English, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), bot.Text(Language.English, "privacy.writeAfterConsent")],
            queued.Select(r => r.Text));
        Assert.Equal(HandoffReason.AskedForHuman, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Reason);
        var saved = JsonNode.Parse((await bot.Storage.ReadAsync([ConversationKey], Ct))[ConversationKey].Json)!["flow"]!.AsObject();
        Assert.False(saved.ContainsKey("pendingHandoffReason"));
    }

    [Fact]
    public async Task Every_button_action_has_exactly_one_handler()
    {
        await using var bot = FlowHarness.Create();
        var constants = typeof(FlowActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(constants, bot.Get<FlowActionTable>().Actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_handlers_for_one_button_action_fail_at_start()
    {
        var twice = new[] { new OneAction(FlowActions.Menu), new OneAction(FlowActions.Menu) };

        var error = Assert.Throws<InvalidOperationException>(() => new FlowActionTable(twice, null!));

        Assert.Contains(FlowActions.Menu, error.Message, StringComparison.Ordinal);
    }

    private sealed class OneAction(string action) : IFlowActions
    {
        public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } =
            new Dictionary<string, FlowActionHandler> { [action] = (_, _, _) => Task.CompletedTask };
    }
}

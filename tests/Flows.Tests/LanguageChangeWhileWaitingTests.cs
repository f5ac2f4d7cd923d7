using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person who changes the chat's language while their request is open is routed to counselors of the new language:
/// walking the web chat, someone who asked for a person in Albanian and then chose Arabic was still queued, shown and
/// routed as Albanian.
/// </summary>
public sealed class LanguageChangeWhileWaitingTests
{
    private static readonly Dictionary<string, string> Position1 = new() { ["position"] = "1" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Choosing_Arabic_in_the_widget_while_waiting_moves_the_request_to_Arabic()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/counselor");
        Assert.Equal(Language.Albanian, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).RoutingLanguage);

        await ChooseInWidgetAsync(bot, Language.Arabic);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(Language.Arabic, request.RoutingLanguage);
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.System && e.Text.Contains("ar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Choosing_a_language_with_a_counselor_tells_them_and_keeps_the_conversation_with_them()
    {
        await using var bot = FlowHarness.Create();
        var taken = await bot.WithCounselorAsync(Language.English);

        // The page's header menu (with a counselor, what the person types goes to the counselor).
        await ChooseInWidgetAsync(bot, Language.Slovenian);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Active, Ct));
        Assert.Equal(taken.Id, request.Id);
        Assert.Equal("Maja", request.AssignedCounselor);
        Assert.Equal(Language.Slovenian, request.RoutingLanguage);
    }

    [Fact]
    public async Task With_a_counselor_a_typed_language_command_reaches_the_bot_and_the_choice_moves_the_request()
    {
        await using var bot = FlowHarness.Create();
        var taken = await bot.WithCounselorAsync(Language.English);

        // A command to the bot, like /menu and /delete: before, it went to the counselor and the bot stayed silent.
        var chooser = await bot.SendAsync("/language");
        Assert.Contains(chooser.SelectMany(a => a.SuggestedActions?.Actions ?? []), a => a.Title == bot.Title(Language.Slovenian, "language.name"));
        var chosen = await bot.SendAsync(bot.Title(Language.Slovenian, "language.name"));

        Assert.Contains(bot.Text(Language.Slovenian, "language.chosen"), chosen.Select(a => a.Text));
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Active, Ct));
        Assert.Equal(taken.Id, request.Id);
        Assert.Equal(Language.Slovenian, request.RoutingLanguage);
        Assert.DoesNotContain(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "/language");
    }

    [Fact]
    public async Task Saying_yes_to_the_switch_offer_while_waiting_moves_the_request_and_says_it_still_waits()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/counselor");

        // Writing Arabic while waiting: before, the Albanian answer came and no offer to continue in Arabic.
        var offer = await bot.SendAsync("كيف افتح حساب بنكي");
        Assert.Contains(offer.SelectMany(a => a.SuggestedActions?.Actions ?? []), a => a.Title == bot.Title(Language.Arabic, "language.switchYes"));
        var switched = await bot.SendAsync(bot.Title(Language.Arabic, "language.switchYes"));

        Assert.Equal(Language.Arabic, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).RoutingLanguage);
        Assert.Contains(bot.Text(Language.Arabic, "handoff.stillQueued", Position1), switched.Select(a => a.Text));
        Assert.Contains(bot.Text(Language.Arabic, "answer.helpfulQuestion"), switched.Select(a => a.Text));
    }

    [Fact]
    public async Task A_message_that_does_not_answer_the_switch_offer_while_waiting_still_reaches_the_counselor()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/counselor");
        await bot.SendAsync("كيف افتح حساب بنكي");

        await bot.SendAsync("si ta zgjedh mjekun");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "si ta zgjedh mjekun");
        Assert.Equal(Language.Albanian, request.RoutingLanguage);
    }

    [Fact]
    public async Task Choosing_a_language_while_waiting_says_in_it_that_the_request_still_waits()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/counselor");

        await bot.SendAsync("/language");
        var chosen = await bot.SendAsync(bot.Title(Language.Arabic, "language.name"));

        // Before, only "I will write to you in Arabic" and the menu: the queue's message had been Albanian.
        Assert.Equal(
            [bot.Text(Language.Arabic, "language.chosen"), bot.Text(Language.Arabic, "handoff.stillQueued", Position1)],
            chosen.Select(a => a.Text));
    }

    [Fact]
    public async Task Choosing_a_language_with_a_counselor_offers_no_menu_whose_buttons_would_go_to_the_counselor()
    {
        await using var bot = FlowHarness.Create();
        await bot.WithCounselorAsync(Language.English);

        await bot.SendAsync("/language");
        var chosen = await bot.SendAsync(bot.Title(Language.Slovenian, "language.name"));

        // With a counselor, the person's messages (a tapped category too) go to the counselor and the bot stays silent.
        var reply = Assert.Single(chosen);
        Assert.Equal(bot.Text(Language.Slovenian, "language.chosen"), reply.Text);
        Assert.Empty(reply.SuggestedActions?.Actions ?? []);
    }

    [Fact]
    public async Task Choosing_the_same_language_again_changes_nothing()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/counselor");
        var before = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.SendAsync("/language");
        await bot.SendAsync(bot.Title(Language.English, "language.name"));

        var after = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(before.Transcript.Count(e => e.Author == TranscriptAuthor.System), after.Transcript.Count(e => e.Author == TranscriptAuthor.System));
    }

    // The web chat page's header menu: a setLanguage event, as chat.js sends it.
    private static Task<IReadOnlyList<Activity>> ChooseInWidgetAsync(FlowHarness bot, string language) =>
        bot.SendAsync(bot.Adapter.MakeMessage(null) with
        {
            Type = ActivityTypes.Event,
            Name = "setLanguage",
            Value = JsonSerializer.SerializeToElement(language),
        });
}

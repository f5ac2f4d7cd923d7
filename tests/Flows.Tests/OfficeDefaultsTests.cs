using System.Text.Json;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests;

/// <summary>With office settings missing, no numbered step disappears and no wait is promised that nobody keeps.</summary>
public sealed class OfficeDefaultsTests
{
    private static readonly Dictionary<string, string?> NoOffice = new()
    {
        ["IntegrationBot:Office:Name"] = "",
        ["IntegrationBot:Office:Address"] = "",
        ["IntegrationBot:Office:Phone"] = "",
        ["IntegrationBot:Office:Schedule:Mon"] = "",
        ["IntegrationBot:Office:Schedule:Tue"] = "",
        ["IntegrationBot:Office:Schedule:Wed"] = "",
        ["IntegrationBot:Office:Schedule:Thu"] = "",
        ["IntegrationBot:Office:Schedule:Fri"] = "",
    };

    [Theory]
    [InlineData(Language.English, "how do I sign up for a slovenian language course")]
    [InlineData(Language.Slovenian, "kako se prijavim na tečaj slovenščine")]
    public async Task Without_office_details_a_numbered_step_stays_and_names_the_office(string language, string question)
    {
        await using var bot = FlowHarness.Create(settings: NoOffice);
        await bot.StartInAsync(language);

        await bot.SendAsync(question);
        // The step "sign up with a provider; whether a course runs in Postojna, ask the office" is the first of the
        // details' two (numbered from 1 as the person reads them: StepNumbers).
        var answer = FlowHarness.AnswerText(await bot.SendAsync(bot.Title(language, "answer.moreDetails")));

        Assert.Matches(@"(^|\s)1\. ", answer);
        Assert.Matches(@"(^|\s)2\. ", answer);
        Assert.Contains(bot.Title(language, "office.notConfigured"), answer);
        Assert.DoesNotContain("{office.", answer);
    }

    [Fact]
    public async Task With_nothing_configured_the_office_answer_keeps_every_line_and_says_to_ask()
    {
        var nothing = new Dictionary<string, string?>(NoOffice)
        {
            ["IntegrationBot:Office:HoursText"] = "",
            ["IntegrationBot:Office:Email"] = "",
        };
        await using var bot = FlowHarness.Create(settings: nothing);
        await bot.StartInAsync(Language.English);

        var answer = (await bot.SendAsync("where is your office"))[0].Text!;

        Assert.StartsWith("The Starting Point office of the Municipality of Postojna is the first-contact office for newcomers in Postojna.\n"
            + "Address: (ask the office)\nOpening hours: (ask the office)\nPhone: (ask the office)\nE-mail: (ask the office)\nWith us you can:", answer);
    }

    [Fact]
    public async Task Without_office_hours_the_queue_promises_no_minutes()
    {
        await using var bot = FlowHarness.Create(settings: NoOffice);
        bot.Clock.Advance(new DateTimeOffset(2026, 11, 27, 21, 42, 0, TimeSpan.Zero) - FlowHarness.MondayMorning); // Friday 22:42
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/counselor")
            .AssertReply("If you or someone else is in danger, do not wait: call 112 (ambulance, fire brigade) or 113 (police).")
            .AssertReply("I have passed your question to the counselors. You are number 1 in line. I cannot say when a counselor will read it; the counselor will answer you here. If it is urgent, call 112 or 113.")
            .AssertNoReply()
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_shipped_settings_hold_the_municipality_contact_kb_facts_confirms()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("Bot", "appsettings.json")));
        var office = settings.RootElement.GetProperty("IntegrationBot").GetProperty("Office");

        // kb-facts.md §11: Občina Postojna, Ljubljanska cesta 4, 6230 Postojna; (05) 728 07 00; obcina@postojna.si; Mon/Tue/Thu 8–15, Wed 8–17, Fri 8–13.
        Assert.Equal("Ljubljanska cesta 4, 6230 Postojna", office.GetProperty("Address").GetString());
        Assert.Equal("05 728 07 00", office.GetProperty("Phone").GetString());
        Assert.Equal("obcina@postojna.si", office.GetProperty("Email").GetString());
        var schedule = office.GetProperty("Schedule");
        Assert.Equal(
            ["08:00-15:00", "08:00-15:00", "08:00-17:00", "08:00-15:00", "08:00-13:00"],
            new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }.Select(d => schedule.GetProperty(d).GetString()));
    }
}

using System.Globalization;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// "My first steps" on Telegram, which keeps every earlier message's buttons. Walked in Albanian on the real host with
/// the fake Bot API: a tap on the purpose question's [Familje] while the arrival question waited (a changed mind) got
/// "Nuk e kuptova" and the plan kept "Punë"; after [Po, më kujto], a tap on the step's [U krye ✓] above got "Më vjen
/// keq, nuk kam një përgjigje të mirë".
/// </summary>
public sealed class TelegramPlanTests
{
    private const long ChatId = 777210;

    [Fact]
    public async Task Earlier_buttons_of_the_plan_change_an_answer_and_ask_about_the_step()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var arta = new TelegramPerson(host, api, ChatId, "sq");

        await arta.SendAsync("/start", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("Zgjidhni gjuhën", ct), "Shqip", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("/delete", ct), "Pranoj", ct);
        await arta.SendAsync("/plan", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("1/5", ct), "Ballkani Perëndimor", ct);
        var purpose = await arta.MessageContainingAsync("2/5", ct);
        await arta.TapAsync(purpose, "Punë", ct);
        await arta.MessageContainingAsync("3/5", ct);

        await arta.TapAsync(purpose, "Familje", ct);
        var changed = await arta.MessageContainingAsync("3/5", ct);
        Assert.StartsWith("U ndryshua: Familje\n3/5 Kur arritët", changed.Text, StringComparison.Ordinal);

        await arta.SendAsync("20.11.2026", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("4/5", ct), "Pa fëmijë", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("5/5", ct), "Asnjë nga këto", ct);
        var checklist = await arta.MessageContainingAsync("Hapat tuaj të parë:", ct);
        Assert.Contains("Leja e qëndrimit të përkohshëm", checklist.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leja e unifikuar", checklist.Text, StringComparison.Ordinal);
        var step = await arta.MessageContainingAsync("Tani: Regjistroni adresën", ct);
        await arta.TapAsync(await arta.MessageContainingAsync("T'ju kujtoj", ct), "Po, më kujto", ct);
        await arta.MessageContainingAsync("Kujtesat janë aktive", ct);

        await arta.TapAsync(step, "U krye ✓", ct);
        var asked = await arta.MessageContainingAsync("si të kryer", ct);
        Assert.Equal("Ta shënoj këtë hap si të kryer: Regjistroni adresën?", asked.Text);
        await arta.TapAsync(asked, "U krye ✓", ct);
        await arta.MessageContainingAsync("U shënua si e kryer: Regjistroni adresën", ct);
    }

    [Fact]
    public async Task A_country_typed_in_Arabic_is_read_and_the_answers_outlast_a_talk_with_a_counselor()
    {
        // Walked in Arabic on the real host with the fake Bot API: "سوريا" typed at 1/5 got "لم أفهم ذلك" (twice, then
        // skipped), and asking for a person at 3/5 lost the answers: after the counselor, /plan began again at 1/5.
        const long chat = 777211;
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var amal = new TelegramPerson(host, api, chat, "ar");

        await amal.SendAsync("/start", ct);
        await amal.TapAsync(await amal.MessageContainingAsync("اختر لغتك", ct), "العربية", ct);
        await amal.TapAsync(await amal.MessageContainingAsync("/delete", ct), "أوافق", ct);
        await amal.SendAsync("/plan", ct);
        await amal.MessageContainingAsync("1/5", ct);
        await amal.SendAsync("سوريا", ct);
        var purpose = await amal.MessageContainingAsync("2/5", ct);
        Assert.Contains("سوريا", purpose.Text, StringComparison.Ordinal);
        Assert.Contains("سجّلتُ: بلد آخر", purpose.Text, StringComparison.Ordinal);
        await amal.TapAsync(purpose, "العمل", ct);
        await amal.MessageContainingAsync("3/5", ct);

        await amal.SendAsync("أريد التحدث مع شخص", ct);
        await amal.MessageContainingAsync("واحتفظتُ بإجاباتك", ct);
        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await queue.FindOpenAsync("telegram", chat.ToString(CultureInfo.InvariantCulture), ct);
        Assert.NotNull(request);
        Assert.Equal(HandoffResultKind.Ok, (await queue.ClaimAsync(request.Id, "Maja", ct)).Kind);
        var view = await host.Services.GetRequiredService<IHandoffPlan>().GetAsync(request, ct);
        Assert.NotNull(view);
        Assert.Equal([("origin", "other"), ("purpose", "work")], view.Answers.Select(a => (a.Question, a.Values.Single())).ToList());
        Assert.Equal(HandoffResultKind.Ok, (await queue.CloseAsync(request.Id, "Maja", "resolved", ct)).Kind);

        await amal.SendAsync("/plan", ct);
        var resumed = await amal.MessageContainingAsync("إجاباتك حتى الآن", ct);
        Assert.Contains("بلد آخر، العمل", resumed.Text, StringComparison.Ordinal);
        await amal.MessageContainingAsync("3/5", ct);
    }
}

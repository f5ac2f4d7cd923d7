using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;

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
}

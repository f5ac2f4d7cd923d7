using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A Viber keyboard button sends its ActionBody as the person's own message bubble. Found walking Viber: /delete's
/// [Da, izbriši] and [Ne, zadrži] sent "yes" and "no", so every language showed the person saying English "yes".
/// </summary>
public sealed class ViberConfirmButtonsTests
{
    [Fact]
    public async Task Delete_confirmation_buttons_send_the_persons_own_words_and_still_delete()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var nedim = new ViberPerson(host, "r48confirm0000000000000A=", "bs");
        await nedim.OpenChatAsync(subscribed: false, ct);
        await nedim.SayAsync("Prihvatam", ct);
        await api.WaitForCallsAsync("send_message", 2);

        await nedim.SayAsync("/delete", ct);
        var question = (await api.WaitForCallsAsync("send_message", 3))[2];

        Assert.StartsWith("Želite li izbrisati sve svoje podatke", question["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Da, izbriši|Da, izbriši", "Ne, zadrži|Ne, zadrži"], ViberPerson.Buttons(question));

        await nedim.SayAsync("Da, izbriši", ct);
        var done = (await api.WaitForCallsAsync("send_message", 4))[3];
        Assert.StartsWith("Vaši podaci su izbrisani.", done["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

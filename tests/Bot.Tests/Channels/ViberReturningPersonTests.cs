using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Flows.Localization;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A person who unsubscribed and opens the chat again. Found walking Viber: <c>conversation_started</c> after
/// <c>unsubscribed</c> got an empty answer, though the welcome in that answer is the only message Viber lets the bot
/// send before the person writes.
/// </summary>
public sealed class ViberReturningPersonTests
{
    [Fact]
    public async Task A_person_who_unsubscribed_and_opens_the_chat_again_is_welcomed_in_their_language()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var amina = new ViberPerson(host, "r48returning000000000A==", "ar");
        var arabic = new Voice("ar");
        var localizer = host.Get<Localizer>();

        Assert.NotNull(await amina.OpenChatAsync(subscribed: false, ct));
        await amina.SayAsync("أوافق", ct);
        await api.WaitForCallsAsync("send_message", 2);
        await amina.UnsubscribeAsync(ct);

        var welcome = await amina.OpenChatAsync(subscribed: false, ct);

        Assert.NotNull(welcome);
        Assert.Equal(localizer.Say(arabic, "greeting.reply"), welcome["text"]!.GetValue<string>());
        Assert.Contains($"{localizer.Title(arabic, "menu.category.health")}|{localizer.Title(arabic, "menu.category.health")}", ViberPerson.Buttons(welcome));
        // Not subscribed yet: nothing else may be sent until the person subscribes or writes.
        Assert.True(host.Get<IViberSubscribers>().IsUnsubscribed(amina.UserId));
        Assert.Equal(2, api.CallsTo("send_message").Count);

        await amina.SubscribeAsync(ct);
        await amina.SayAsync(localizer.Title(arabic, "menu.category.health"), ct);

        Assert.False(host.Get<IViberSubscribers>().IsUnsubscribed(amina.UserId));
        var reply = (await api.WaitForCallsAsync("send_message", 3))[2];
        Assert.Equal(amina.UserId, reply["receiver"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_the_chat_as_a_subscriber_clears_an_earlier_unsubscribe()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var amina = new ViberPerson(host, "r48resubscribed00000000A=", "en");
        await amina.OpenChatAsync(subscribed: false, ct);
        await amina.UnsubscribeAsync(ct);
        Assert.True(host.Get<IViberSubscribers>().IsUnsubscribed(amina.UserId));

        // Viber's subscribed event can be missed (a webhook outage); conversation_started says it again.
        Assert.NotNull(await amina.OpenChatAsync(subscribed: true, ct));

        Assert.False(host.Get<IViberSubscribers>().IsUnsubscribed(amina.UserId));
    }
}

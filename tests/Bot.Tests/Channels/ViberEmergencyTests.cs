using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// An emergency on Viber, on the real host with the fake Viber API: the numbers for its kind in the person's language,
/// and, with the button the answer offers (inside or outside office hours), an emergency at the top of the counselors'
/// queue whose preview is the message that signalled the danger. Walked in Arabic and in hbs Cyrillic: "ابني لا يستطيع
/// التنفس" (my son cannot breathe) got "Sorry, I do not have a good answer" and no way to a counselor.
/// </summary>
public sealed class ViberEmergencyTests
{
    [Theory]
    [InlineData("ar", "", "ابني لا يستطيع التنفس", "اتصل الآن بالرقم")]
    [InlineData("ar", "أوافق", "زوجي يضربني وأنا خائفة", "080 11 55")]
    [InlineData("sr", "Прихватам", "дијете не може да дише", "Одмах позовите 112")]
    [InlineData("sr", "", "муж ме туче, бојим се", "080 11 55")]
    public async Task An_emergency_gets_its_numbers_and_an_emergency_in_the_counselors_queue(string language, string accept, string message, string numbers)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var person = new ViberPerson(host, $"emergency{language}{accept.Length}0000000000A=", language);
        await person.OpenChatAsync(subscribed: false, ct);
        if (accept.Length > 0)
        {
            await person.SayAsync(accept, ct);
            await api.WaitForCallsAsync("send_message", 2);
        }

        await person.SayAsync(message, ct);
        var answer = await MessageWithAsync(api, m => Text(m).Contains(numbers, StringComparison.Ordinal));
        var offer = await MessageWithAsync(api, m => ViberPerson.Buttons(m).Count == 1);
        var sent = api.CallsTo("send_message").ToList();
        Assert.True(sent.IndexOf(answer) < sent.IndexOf(offer), "the numbers come first");

        await person.SayAsync(ViberPerson.Buttons(offer)[0].Split('|')[1], ct);
        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await OpenRequestAsync(queue, person.UserId, ct);
        Assert.Equal(HandoffPriority.Emergency, request.Priority);
        Assert.Equal(HandoffReason.Emergency, request.Reason);
        Assert.Equal(language == "ar" ? "ar" : "hbs", request.Language);
        Assert.Equal(message, HandoffView.From(request, DateTimeOffset.UtcNow).Preview);
    }

    private static string Text(JsonObject message) => message["text"]?.GetValue<string>() ?? string.Empty;

    private static async Task<JsonObject> MessageWithAsync(FakeViberApi api, Func<JsonObject, bool> match)
    {
        for (var count = 1; ; count++)
        {
            var calls = await api.WaitForCallsAsync("send_message", count);
            if (match(calls[count - 1]))
            {
                return calls[count - 1];
            }
        }
    }

    private static async Task<HandoffRequest> OpenRequestAsync(HandoffQueue queue, string userId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await queue.FindOpenAsync("viber", userId, ct) is { } request)
            {
                return request;
            }

            Assert.True(DateTime.UtcNow < deadline, "no request in the counselors' queue");
            await Task.Delay(50, ct);
        }
    }
}

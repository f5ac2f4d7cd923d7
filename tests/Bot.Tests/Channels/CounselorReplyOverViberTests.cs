using System.Net;
using System.Text;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>The same relay on Viber: signed webhook in, counselor reply out through send_message to the fake Viber API.</summary>
public sealed class CounselorReplyOverViberTests
{
    private const string UserId = "01234567890A=";

    [Fact]
    public async Task Counselor_reply_reaches_the_viber_user_in_their_language()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
            ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = api.BaseUrl,
            ["IntegrationBot:Channels:Viber:BotName"] = "Starting Point Postojna",
        });

        var token = 5000;
        foreach (var text in new[] { "/start", "Bosanski / Hrvatski / Srpski", "Prihvatam", "želim razgovarati sa savjetnikom" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostMessageAsync(host, ++token, text, ct)).StatusCode);
        }

        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await queue.FindOpenAsync("viber", UserId, ct);
        Assert.NotNull(request);
        Assert.Equal("hbs", request.Language);

        Assert.Equal(HandoffResultKind.Ok, (await queue.ClaimAsync(request.Id, "Emina", ct)).Kind);
        Assert.Equal(HandoffResultKind.Ok, (await queue.SendCounselorMessageAsync(request.Id, "Emina", "Zdravo, ja sam Emina.", ct)).Kind);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!api.CallsTo("send_message").Any(c => c["text"]?.GetValue<string>().Contains("Emina · savjetodavna služba\nZdravo, ja sam Emina.", StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, "the counselor's message never reached Viber");
            await Task.Delay(50, ct);
        }

        Assert.All(api.CallsTo("send_message"), c => Assert.Equal(UserId, c["receiver"]!.GetValue<string>()));
    }

    private static async Task<HttpResponseMessage> PostMessageAsync(ChatHost host, int messageToken, string text, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"event":"message","timestamp":1457764197627,"message_token":{{{messageToken}}},"sender":{"id":"{{{UserId}}}","name":"Nedim","language":"bs","country":"SI","api_version":8},"message":{"type":"text","text":"{{{text}}}"}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/viber") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ViberSignature.Header, ViberSignature.Compute(body, FakeViberApi.AuthToken));
        return await host.Client.SendAsync(request, ct);
    }
}

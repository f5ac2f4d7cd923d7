using System.Collections.Concurrent;
using System.Net;
using IntegrationBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Bot.Tests.Fuzz;

public sealed class DirectLineFuzzTests
{
    private const int InputsPerEndpoint = 10_000;

    [Theory]
    [InlineData("token")]
    [InlineData("start")]
    [InlineData("post")]
    [InlineData("get")]
    public async Task Hostile_inputs_never_get_a_5xx_and_the_host_keeps_answering(string endpoint)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Limits:MessagesPerUserPerMinute"] = "100000",
            ["IntegrationBot:Limits:MessagesPerIpPerMinute"] = "1000000",
        });
        var chats = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.OpenChatAsync(ct)));
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, InputsPerEndpoint), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var input = new FuzzInput(i * 7919 + endpoint.Length);
            var chat = chats[input.Random.Next(chats.Length)];
            var body = input.Body();
            var context = await host.Server.SendAsync(http => Describe(http, endpoint, input, chat, chats, body), token);
            statuses.AddOrUpdate(context.Response.StatusCode, 1, (_, n) => n + 1);
            if (context.Response.StatusCode >= 500)
            {
                failures.Enqueue($"seed {i * 7919 + endpoint.Length}: {context.Response.StatusCode}");
            }
        });

        Assert.Empty(failures);
        Assert.Equal(InputsPerEndpoint, statuses.Values.Sum());
        Assert.True(statuses.Keys.Count(s => s < 300) > 0 && statuses.Keys.Count(s => s >= 400) > 0, string.Join(", ", statuses));
        var after = await host.OpenChatAsync(ct);
        var id = await ChatHost.IdOfAsync(await host.SendAsync(after, "still there?", ct), ct);
        await host.ReplyToAsync(after, id, ct);
    }

    private static void Describe(HttpContext http, string endpoint, FuzzInput input, WebChat chat, WebChat[] chats, byte[] body)
    {
        var random = input.Random;
        var conversation = random.Next(10) switch
        {
            0 => "unknown-" + random.Next(),
            1 => Uri.EscapeDataString(input.Text()),
            2 => chats[random.Next(chats.Length)].ConversationId,
            _ => chat.ConversationId,
        };
        (http.Request.Method, http.Request.Path) = endpoint switch
        {
            "token" => ("POST", new PathString("/api/webchat/token")),
            "start" => ("POST", new PathString("/v3/directline/conversations")),
            "post" => ("POST", new PathString($"/v3/directline/conversations/{conversation}/activities")),
            _ => ("GET", new PathString($"/v3/directline/conversations/{conversation}/activities")),
        };
        if (endpoint == "get")
        {
            http.Request.QueryString = new QueryString("?watermark=" + Uri.EscapeDataString(random.Next(3) == 0 ? input.Text() : random.NextInt64(-5, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var bearer = random.Next(8) switch
        {
            0 => null,
            1 => "Bearer ",
            2 => "Bearer " + input.Text(),
            3 => "Bearer " + chat.Token[..^3] + "abc",
            4 => "Bearer a.b",
            5 => "Basic " + chat.Token,
            _ => "Bearer " + chat.Token,
        };
        if (bearer is not null)
        {
            http.Request.Headers.Authorization = bearer;
        }

        if (random.Next(10) == 0)
        {
            http.Request.Headers.Origin = random.Next(2) == 0 ? "https://evil.example" : input.Text();
        }

        http.Request.ContentType = input.ContentType();
        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = random.Next(4) == 0 ? null : body.Length;
        http.Connection.RemoteIpAddress = new IPAddress([10, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)]);
    }
}

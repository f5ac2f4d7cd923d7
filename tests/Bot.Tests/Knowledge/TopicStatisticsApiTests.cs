using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>The browse list counts per topic the questions answered with it and 👍/👎 (last 30 days, no personal data).</summary>
public sealed class TopicStatisticsApiTests
{
    private const string Question = "How do I register my address?";

    [Fact]
    public async Task A_question_answered_and_a_thumbs_up_show_in_the_browse_list()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en", editor: true, ct);
        var expected = host.Services.GetRequiredService<KnowledgeEngine>().Ask(Question);
        Assert.Equal(Decision.Answer, expected.Decision);
        var topic = expected.Topic!;
        Assert.Equal((0, 0, 0), Usage(await ListAsync(editor, ct), topic));

        var chat = await host.OpenChatAsync(ct);
        var asked = await ChatHost.IdOfAsync(await host.SendAsync(chat, Question, ct), ct);
        var thumbsUp = await ButtonAsync(host, chat, asked, "👍", ct);
        var thanked = await ChatHost.IdOfAsync(await host.SendAsync(chat, thumbsUp, ct), ct);
        await host.ReplyToAsync(chat, thanked, ct);

        var topics = await ListAsync(editor, ct);
        Assert.Equal((1, 1, 0), Usage(topics, topic));
        Assert.All(topics.EnumerateArray().Where(t => t.GetProperty("id").GetString() != topic), t => Assert.Equal(0, t.GetProperty("asked").GetInt32()));
        Assert.True(topics[0].TryGetProperty("languages", out _)); // the existing fields stay
    }

    private static async Task<JsonElement> ListAsync(ConsoleSession editor, CancellationToken ct)
    {
        var response = await editor.GetAsync("/api/knowledge/topics", ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static (int Asked, int Helpful, int NotHelpful) Usage(JsonElement topics, string id)
    {
        var topic = topics.EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        return (topic.GetProperty("asked").GetInt32(), topic.GetProperty("helpful").GetInt32(), topic.GetProperty("notHelpful").GetInt32());
    }

    /// <summary>The value of the button whose title starts with <paramref name="title"/> among the replies to <paramref name="messageId"/>, once delivered.</summary>
    private static async Task<string> ButtonAsync(ChatHost host, WebChat chat, string messageId, string title, CancellationToken ct)
    {
        await host.ReplyToAsync(chat, messageId, ct);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var value = (await host.ActivitiesAsync(chat, ct))
                .Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == messageId && a.TryGetProperty("suggestedActions", out _))
                .SelectMany(a => a.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray())
                .Where(b => b.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal))
                .Select(b => b.GetProperty("value").GetString())
                .FirstOrDefault();
            if (value is not null)
            {
                return value;
            }

            await Task.Delay(20, ct);
        }

        throw new TimeoutException($"no {title} button under the answer to {messageId}");
    }
}

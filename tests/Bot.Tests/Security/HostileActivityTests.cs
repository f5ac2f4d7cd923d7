using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// Activities a page could post that the host must refuse up front (400) instead of storing: once stored, they broke the
/// conversation for good (every read answered 500) or failed the write itself (502, which tells the client to retry).
/// </summary>
public sealed class HostileActivityTests
{
    private const int Nesting = 62;

    /// <summary>Each activity, posted and uploaded, with the word its 400 names.</summary>
    public static TheoryData<string, string, string> Refused()
    {
        string[] nested =
        [
            // Within the parser's own limit (64), but too deep to be written back inside {"activities":[...]}.
            """{"type":"message","text":"hi","value":""" + new string('[', Nesting) + new string(']', Nesting) + "}",
            """{"type":"message","text":"hi","channelData":""" + string.Concat(Enumerable.Repeat("""{"a":""", Nesting)) + "1" + new string('}', Nesting) + "}",
            """{"type":"message","text":"hi","attachments":[{"contentType":"x","content":""" + new string('[', Nesting - 3) + new string(']', Nesting - 3) + "}]}",
        ];
        string[] overlongIds =
        [
            """{"type":"message","text":"hi","id":""" + '"' + new string('i', 5000) + "\"}",
            """{"type":"message","text":"hi","channelData":{"clientActivityID":""" + '"' + new string('c', 5000) + "\"}}",
            """{"type":"message","text":"hi","channelData":{"clientActivityID":""" + '"' + string.Concat(Enumerable.Repeat("😀", 300)) + "\"}}",
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var via in new[] { "post", "upload" })
        {
            foreach (var body in nested)
            {
                data.Add(via, body, "nested");
            }

            foreach (var body in overlongIds)
            {
                data.Add(via, body, "clientActivityID");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_activity_that_could_not_be_stored_or_read_back_is_a_400_and_the_conversation_goes_on(string via, string body, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        var response = via == "post" ? await PostAsync(host, chat, body, ct) : await UploadAsync(host, chat, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        // Reading the conversation answers 200 (it answered 500 for good once a poisoned activity was stored).
        await host.ActivitiesAsync(chat, ct);
        var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct), ct);
        await host.ReplyToAsync(chat, id, ct);
    }

    [Fact]
    public async Task A_client_activity_id_as_long_as_web_chat_makes_is_kept_and_a_resend_is_answered_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var clientActivityId = new string('c', 200);

        var first = await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct, clientActivityId), ct);
        var again = await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct, clientActivityId), ct);

        Assert.Equal(first, again);
        await host.ReplyToAsync(chat, first, ct);
    }

    private static async Task<HttpResponseMessage> PostAsync(ChatHost host, WebChat chat, string body, CancellationToken ct)
    {
        using var post = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        post.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await host.Client.SendAsync(post, ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(ChatHost host, WebChat chat, string body, CancellationToken ct)
    {
        using var upload = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/upload", chat.Token);
        var activity = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var file = new ByteArrayContent([0x89, 0x50, 0x4e, 0x47]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        upload.Content = new MultipartFormDataContent { { activity, "activity", "blob" }, { file, "file", "photo.png" } };
        return await host.Client.SendAsync(upload, ct);
    }
}

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

    public static TheoryData<string> DeeplyNested => new()
    {
        // Within the parser's own limit (64), but too deep to be written back inside {"activities":[...]}.
        """{"type":"message","text":"hi","value":""" + new string('[', Nesting) + new string(']', Nesting) + "}",
        """{"type":"message","text":"hi","channelData":""" + string.Concat(Enumerable.Repeat("""{"a":""", Nesting)) + "1" + new string('}', Nesting) + "}",
        """{"type":"message","text":"hi","attachments":[{"contentType":"x","content":""" + new string('[', Nesting - 3) + new string(']', Nesting - 3) + "}]}",
    };

    public static TheoryData<string> OverlongIds => new()
    {
        """{"type":"message","text":"hi","id":""" + '"' + new string('i', 5000) + "\"}",
        """{"type":"message","text":"hi","channelData":{"clientActivityID":""" + '"' + new string('c', 5000) + "\"}}",
        """{"type":"message","text":"hi","channelData":{"clientActivityID":""" + '"' + string.Concat(Enumerable.Repeat("😀", 300)) + "\"}}",
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public async Task A_message_nested_too_deep_to_be_sent_back_is_a_400_and_the_conversation_still_reads(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        var response = await PostAsync(host, chat, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nested", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await AssertChatGoesOnAsync(host, chat, ct);
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public async Task An_upload_whose_activity_is_nested_too_deep_is_a_400_and_the_conversation_still_reads(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        var response = await UploadAsync(host, chat, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertChatGoesOnAsync(host, chat, ct);
    }

    [Theory]
    [MemberData(nameof(OverlongIds))]
    public async Task A_message_with_an_overlong_id_is_a_400_and_the_chat_goes_on(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        var response = await PostAsync(host, chat, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await AssertChatGoesOnAsync(host, chat, ct);
    }

    [Theory]
    [MemberData(nameof(OverlongIds))]
    public async Task An_upload_with_an_overlong_id_is_a_400_and_the_chat_goes_on(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        var response = await UploadAsync(host, chat, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertChatGoesOnAsync(host, chat, ct);
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

    private static async Task AssertChatGoesOnAsync(ChatHost host, WebChat chat, CancellationToken ct)
    {
        // Reading the conversation answers 200 (it answered 500 for good once a poisoned activity was stored).
        await host.ActivitiesAsync(chat, ct);
        var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct), ct);
        await host.ReplyToAsync(chat, id, ct);
    }
}

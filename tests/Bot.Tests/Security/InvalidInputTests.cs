using System.Net;
using System.Text;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>Text that is not valid Unicode is bad input: 400 with a reason, never a 5xx that tells the client to retry.</summary>
public sealed class InvalidInputTests
{
    [Theory]
    [InlineData("""{"locale":"\ud83d"}""")]
    [InlineData("""{"locale":"\udc00en"}""")]
    public async Task Starting_a_conversation_with_an_unpaired_surrogate_as_locale_is_a_400(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var issued = JsonDocument.Parse(await (await host.Client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null, ct)).Content.ReadAsStringAsync(ct)).RootElement;
        using var start = ChatHost.Request(HttpMethod.Post, "/v3/directline/conversations", issued.GetProperty("token").GetString());
        start.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await host.Client.SendAsync(start, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locale", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","value":{"answer":"\ud83d"}}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"\udc00":"x"}}""")]
    [InlineData("""{"type":"message","text":"bad \ud83d text"}""")]
    public async Task A_message_with_an_unpaired_surrogate_anywhere_is_a_400_and_the_chat_goes_on(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        using var post = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        post.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await host.Client.SendAsync(post, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unicode", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await host.ReplyToAsync(chat, await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct), ct), ct);
    }
}

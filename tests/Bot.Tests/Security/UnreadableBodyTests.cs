using IntegrationBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// Kestrel gives up on a body it will not read to the end (chunked past the host's size cap, arriving too slowly, cut
/// short) by throwing <see cref="BadHttpRequestException"/> from the body's read. That is the sender's fault: it gets the
/// exception's status, and no error is logged (unhandled, each one was an error with a stack trace, at an anonymous
/// sender's will). The stream here throws exactly as Kestrel's does.
/// </summary>
public sealed class UnreadableBodyTests
{
    private const string TelegramSecret = "unreadable_body-secret";

    [Theory]
    [InlineData("post", StatusCodes.Status413PayloadTooLarge)]
    [InlineData("post", StatusCodes.Status408RequestTimeout)]
    [InlineData("start", StatusCodes.Status413PayloadTooLarge)]
    [InlineData("upload", StatusCodes.Status400BadRequest)]
    [InlineData("telegram", StatusCodes.Status413PayloadTooLarge)]
    [InlineData("telegram", StatusCodes.Status408RequestTimeout)]
    [InlineData("viber", StatusCodes.Status413PayloadTooLarge)]
    public async Task A_body_kestrel_gives_up_on_gets_its_status_and_logs_no_error(string endpoint, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(
            new Dictionary<string, string>
            {
                ["IntegrationBot:Channels:Telegram:Token"] = "123:unreadable-body",
                ["IntegrationBot:Channels:Telegram:WebhookSecret"] = TelegramSecret,
                ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9/",
                ["IntegrationBot:Channels:Viber:AuthToken"] = "unreadable-body-viber",
                ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = "http://127.0.0.1:9/",
            },
            logs);
        var chat = await host.OpenChatAsync(ct);

        var context = await host.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            (http.Request.Path, http.Request.ContentType) = endpoint switch
            {
                "post" => ($"/v3/directline/conversations/{chat.ConversationId}/activities", "application/json"),
                "start" => ("/v3/directline/conversations", "application/json"),
                "upload" => ($"/v3/directline/conversations/{chat.ConversationId}/upload", "multipart/form-data; boundary=b"),
                "telegram" => ("/api/telegram", "application/json"),
                _ => ("/api/viber", "application/json"),
            };
            http.Request.Headers.Authorization = "Bearer " + chat.Token;
            http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"] = TelegramSecret;
            http.Request.Headers.TransferEncoding = "chunked";
            http.Request.Body = new GivingUpBody(new BadHttpRequestException("Kestrel gave up on the body", status));
        }, ct);

        Assert.Equal(status, context.Response.StatusCode);
        await host.ReplyToAsync(chat, await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct), ct), ct);
        await host.StopAsync();
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    /// <summary>A request body that hands out a few bytes, then fails as Kestrel's does.</summary>
    private sealed class GivingUpBody(Exception failure) : Stream
    {
        private bool _started;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_started)
            {
                throw failure;
            }

            _started = true;
            buffer.Span[0] = (byte)'{';
            return ValueTask.FromResult(1);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

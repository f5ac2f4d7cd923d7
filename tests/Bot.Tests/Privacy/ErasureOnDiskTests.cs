using System.Net.Http.Json;
using System.Text;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>Erasure reaches the disk: no file in the data folder (the LiteDB data file and its log) keeps the text.</summary>
public sealed class ErasureOnDiskTests
{
    [Fact]
    public async Task After_a_web_chat_delete_no_file_in_the_data_folder_holds_the_text_or_the_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        for (var i = 0; i < 3; i++)
        {
            var id = await ChatHost.IdOfAsync(await SendNamedAsync(host, chat, $"I need a flat DISKMARK-5e1 number {i}", ct), ct);
            await host.ReplyToAsync(chat, id, ct);
        }

        Assert.True(FilesHolding(host, "DISKMARK-5e1").Count > 0, "the marker was never written, so the test proves nothing");

        await WebChatDeleteTests.DeleteOwnDataAndSeeConfirmationAsync(host, chat, "DISKMARK-5e1", ct);

        await WaitUntilNoFileHoldsAsync(host, "DISKMARK-5e1");
        await WaitUntilNoFileHoldsAsync(host, "NAMEMARK-5e1");
    }

    [Fact]
    public async Task After_an_admin_erasure_no_file_in_the_data_folder_holds_the_text()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var (erased, marker) = await ErasureTests.ChatWithMarkerAsync(host, "ADMINDISK-77c", ct);
        Assert.True(FilesHolding(host, marker).Count > 0, "the marker was never written, so the test proves nothing");

        await host.Services.GetRequiredService<UserDataService>().DeleteAsync("webchat", erased.UserId, ct);

        await WaitUntilNoFileHoldsAsync(host, marker);
    }

    // Walked on Telegram and Viber: a person who talked with a counselor and then confirmed /delete; nothing of the
    // conversation (their words, the counselor's, the request) may stay in the data folder or the queue.
    [Fact]
    public async Task After_a_Telegram_delete_with_a_counselor_no_file_holds_the_conversation_and_the_queue_has_no_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await IntegrationBot.Channels.Tests.Fakes.FakeTelegramApi.StartAsync();
        await using var host = Channels.CounselorReplyOverTelegramTests.StartHost(api);
        var person = new TelegramPerson(host, api, 777301, "en");
        await person.SendAsync("I want to talk to a person about TGMARK-31a", ct);
        await person.TapAsync(await person.MessageContainingAsync("To pass your request to a counselor", ct), "Accept", ct);
        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await OpenAsync(queue, "telegram", "777301", ct);
        Assert.Equal(HandoffResultKind.Ok, (await queue.ClaimAsync(request.Id, "Maja", ct)).Kind);
        Assert.Equal(HandoffResultKind.Ok, (await queue.SendCounselorMessageAsync(request.Id, "Maja", "Hello, about CSLMARK-31a", ct)).Kind);
        await person.MessageContainingAsync("CSLMARK-31a", ct);
        await person.SendAsync("thank you, more about TGMARK-31a", ct);
        await WaitUntilAsync(async () => (await queue.GetAsync(request.Id, ct))!.Transcript.Any(e => e.Text.StartsWith("thank you", StringComparison.Ordinal)));
        Assert.True(FilesHolding(host, "TGMARK-31a").Count > 0, "the marker was never written, so the test proves nothing");

        await person.SendAsync("/delete", ct);
        await person.TapAsync(await person.MessageContainingAsync("Do you want to delete all your data", ct), "Yes, delete", ct);
        await person.MessageContainingAsync("Your data has been deleted.", ct);

        Assert.Null(await queue.GetAsync(request.Id, ct));
        Assert.Null(await queue.FindOpenAsync("telegram", "777301", ct));
        await WaitUntilNoFileHoldsAsync(host, "TGMARK-31a");
        await WaitUntilNoFileHoldsAsync(host, "CSLMARK-31a");
    }

    [Fact]
    public async Task After_a_Viber_delete_with_a_counselor_no_file_holds_the_conversation_and_the_queue_has_no_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await IntegrationBot.Channels.Tests.Fakes.FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var person = new ViberPerson(host, "erasureviber00000000000A=", "sr");
        await person.OpenChatAsync(subscribed: false, ct);
        await person.SayAsync("Прихватам", ct);
        await person.SayAsync("хоћу да разговарам са човјеком VBMARK-31b", ct);
        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await OpenAsync(queue, "viber", person.UserId, ct);
        Assert.Equal(HandoffResultKind.Ok, (await queue.ClaimAsync(request.Id, "Emina", ct)).Kind);
        Assert.Equal(HandoffResultKind.Ok, (await queue.SendCounselorMessageAsync(request.Id, "Emina", "Zdravo CSLMARK-31b", ct)).Kind);
        await WaitUntilAsync(() => Task.FromResult(api.CallsTo("send_message").Any(m => m["text"]!.GetValue<string>().Contains("CSLMARK-31b", StringComparison.Ordinal))));
        await person.SayAsync("хвала VBMARK-31b", ct);
        Assert.True(FilesHolding(host, "VBMARK-31b").Count > 0, "the marker was never written, so the test proves nothing");

        var before = api.CallsTo("send_message").Count;
        await person.SayAsync("/delete", ct);
        await person.SayAsync("Да, избриши", ct);
        await WaitUntilAsync(() => Task.FromResult(api.CallsTo("send_message").Skip(before).Any(m => m["text"]!.GetValue<string>().StartsWith("Ваши подаци су избрисани.", StringComparison.Ordinal))));

        Assert.Null(await queue.GetAsync(request.Id, ct));
        Assert.Null(await queue.FindOpenAsync("viber", person.UserId, ct));
        await WaitUntilNoFileHoldsAsync(host, "VBMARK-31b");
        await WaitUntilNoFileHoldsAsync(host, "CSLMARK-31b");
    }

    private static async Task<HandoffRequest> OpenAsync(HandoffQueue queue, string channel, string conversation, CancellationToken ct)
    {
        HandoffRequest? request = null;
        await WaitUntilAsync(async () => (request = await queue.FindOpenAsync(channel, conversation, ct)) is not null);
        return request!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> SendNamedAsync(ChatHost host, WebChat chat, string text, CancellationToken ct)
    {
        using var request = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        request.Content = JsonContent.Create(new
        {
            type = "message",
            text,
            from = new { id = chat.UserId, name = "Selma NAMEMARK-5e1" },
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        });
        return await host.Client.SendAsync(request, ct);
    }

    private static async Task WaitUntilNoFileHoldsAsync(ChatHost host, string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<string> holding;
        while ((holding = FilesHolding(host, marker)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{marker} is still on disk in {string.Join(", ", holding)}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every file of the data folder, read as it is on disk (shared with the running host).</summary>
    private static List<string> FilesHolding(ChatHost host, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var found = new List<string>();
        // The process lock file is held exclusively and holds nothing; every other file must be readable.
        foreach (var file in Directory.EnumerateFiles(host.DataPath, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                found.Add(Path.GetFileName(file));
            }
        }

        return found;
    }
}

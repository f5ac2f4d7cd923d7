using System.Net.Http.Json;
using System.Text;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Privacy;
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

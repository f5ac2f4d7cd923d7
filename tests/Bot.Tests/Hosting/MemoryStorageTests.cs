using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary><c>IntegrationBot:Storage:Provider=memory</c>: the whole host works and nothing is written to the data directory.</summary>
public sealed class MemoryStorageTests
{
    [Fact]
    public async Task A_web_chat_conversation_reaches_a_counselor_without_a_file_in_the_data_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Storage:Provider"] = "memory" });
        var chat = await host.OpenChatAsync(ct);

        foreach (var text in new[] { "Hello", "Accept", "I want to talk to a person please", "I need help with my residence permit" })
        {
            await host.ReplyToAsync(chat, await ChatHost.IdOfAsync(await host.SendAsync(chat, text, ct), ct), ct);
        }

        var request = await host.Get<HandoffQueue>().FindOpenAsync("webchat", chat.ConversationId, ct);
        Assert.NotNull(request);
        Assert.Contains(request.Transcript, e => e.Text == "I need help with my residence permit");
        Assert.Contains(await host.ActivitiesAsync(chat, ct), a => a.TryGetProperty("text", out var text) && text.GetString() == "I need help with my residence permit");
        Assert.IsType<MemoryStorage>(host.Get<IStorage>());
        Assert.Equal(LiteDbDatabaseFactory.InMemoryPath, host.Get<SharedLiteDatabase>().FilePath);
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.DataPath, "*", SearchOption.AllDirectories));
    }
}

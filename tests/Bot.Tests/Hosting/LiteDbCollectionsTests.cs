using IntegrationBot.Bot.Tests.Privacy;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>
/// No write may create a LiteDB collection: LiteDB 5 shows a collection being created to readers before it exists
/// on disk and then declares the file invalid. The host creates them all when it opens the file (LiteDbCollections).
/// </summary>
public sealed class LiteDbCollectionsTests
{
    [Fact]
    public async Task Every_collection_the_host_writes_exists_from_the_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var database = host.Get<SharedLiteDatabase>().Database;
        var atStart = database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
        Assert.Superset(LiteDbCollections.Names.ToHashSet(StringComparer.Ordinal), atStart);
        // The stores added with the plan and knowledge editing write these; created later, inside a combined write,
        // LiteDB 5 can declare the file invalid.
        Assert.Subset(atStart, new HashSet<string>(
            ["plan_reminders", "plan_daily", "knowledge_versions", "knowledge_published", "knowledge_dismissed", "knowledge_directory", "topic_daily"],
            StringComparer.Ordinal));

        // A conversation that answers, asks for a counselor and erases itself touches every store of a web chat.
        var (chat, _) = await ErasureTests.ChatWithMarkerAsync(host, "where can I open a bank account", ct);
        var handoff = await ChatHost.IdOfAsync(await host.SendAsync(chat, "I want to talk to a counselor", ct), ct);
        await host.ReplyToAsync(chat, handoff, ct);
        var delete = await ChatHost.IdOfAsync(await host.SendAsync(chat, "/delete", ct), ct);
        await host.ReplyToAsync(chat, delete, ct);

        Assert.Subset(atStart, database.GetCollectionNames().ToHashSet(StringComparer.Ordinal));
    }
}

using System.Diagnostics;
using IntegrationBot.Editing.Editor;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Live;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>Two instances on one database: a publish on one is live in the other's engine within 2 s (LISTEN/NOTIFY).</summary>
public sealed class PostgresKnowledgePublishTests
{
    [Fact]
    public async Task A_directory_phone_saved_on_one_instance_is_in_the_other_instances_answers_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = await PostgresBackend.OpenAsync();
        var other = backend.Second();
        var catalog = TopicCatalog.LoadDefault();
        var engineA = new KnowledgeEngine(catalog);
        var engineB = new KnowledgeEngine(catalog);
        var directoryA = new PostgresDirectoryEntryStore(backend.Database);
        var liveA = new LiveKnowledge(engineA, new PostgresTopicContentStore(backend.Database), directoryA, NullLogger<LiveKnowledge>.Instance);
        var editorA = new DirectoryEditor(engineA, directoryA, liveA, TimeProvider.System);
        var liveB = new LiveKnowledge(engineB, new PostgresTopicContentStore(other.Database), new PostgresDirectoryEntryStore(other.Database), NullLogger<LiveKnowledge>.Instance);
        using var listenerB = new PostgresNotificationListener(
            other.Database, [new KnowledgeNotificationHandler(other.Database, liveB)], TimeProvider.System, NullLogger<PostgresNotificationListener>.Instance);
        await listenerB.StartAsync(ct);
        await listenerB.Listening.WaitAsync(TimeSpan.FromSeconds(30), ct);
        string DoctorOnB() => DirectoryPlaceholders.Fill(engineB.Catalog.Find("doctor")!.AnswerIn("sl"), engineB.Catalog.Directory, "sl", "ASK");
        Assert.DoesNotContain("05 700 12 34", DoctorOnB(), StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var entry = engineA.Catalog.Directory.Find("zd-postojna")! with { Phone = "05 700 12 34" };
        Assert.Equal(EditStatus.Done, (await editorA.SaveAsync(entry, new EditorIdentity("Mojca", ["sl"]), ct)).Status);
        while (!DoctorOnB().Contains("05 700 12 34", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, ct);
        }

        TestContext.Current.SendDiagnosticMessage($"directory entry live on the second instance after {clock.ElapsedMilliseconds} ms");
        Assert.Contains("05 700 12 34", DoctorOnB(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_publish_on_one_instance_is_live_on_the_other_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = await PostgresBackend.OpenAsync();
        var other = backend.Second();
        var catalog = TopicCatalog.LoadDefault();
        var engineA = new KnowledgeEngine(catalog);
        var engineB = new KnowledgeEngine(catalog);
        var storeA = new PostgresTopicContentStore(backend.Database);
        var liveA = new LiveKnowledge(engineA, storeA, new PostgresDirectoryEntryStore(backend.Database), NullLogger<LiveKnowledge>.Instance);
        var editorA = new KnowledgeEditor(engineA, storeA, liveA, TimeProvider.System);
        var liveB = new LiveKnowledge(engineB, new PostgresTopicContentStore(other.Database), new PostgresDirectoryEntryStore(other.Database), NullLogger<LiveKnowledge>.Instance);
        using var listenerB = new PostgresNotificationListener(
            other.Database, [new KnowledgeNotificationHandler(other.Database, liveB)], TimeProvider.System, NullLogger<PostgresNotificationListener>.Instance);
        await listenerB.StartAsync(ct);
        await listenerB.Listening.WaitAsync(TimeSpan.FromSeconds(30), ct);

        var current = (await editorA.CurrentAsync("driving-licence", ct))!.In("sl")!;
        // The fee moved to the details with issue 16 (short answers); the details are what the edit changes.
        var edited = current with { Details = current.Details!.Replace("18,10 €", "18,50 €", StringComparison.Ordinal) };
        var editor = new EditorIdentity("Mojca", ["sl"]);
        var saveResult = await editorA.SaveLanguageAsync("driving-licence", "sl", edited, editor, ct);
        Assert.True(saveResult.Status == EditStatus.Done, string.Join("\n", saveResult.Problems ?? []));
        Assert.DoesNotContain("18,50 €", engineB.Catalog.Find("driving-licence")!.Details["sl"], StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        Assert.Equal(EditStatus.Done, (await editorA.PublishAsync("driving-licence", editor, ct)).Status);
        while (!engineB.Catalog.Find("driving-licence")!.Details["sl"].Contains("18,50 €", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, ct);
        }

        TestContext.Current.SendDiagnosticMessage($"publish live on the second instance after {clock.ElapsedMilliseconds} ms");
        Assert.Contains("18,50 €", engineB.Catalog.Find("driving-licence")!.Details["sl"], StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("18,50 €", engineA.Catalog.Find("driving-licence")!.Details["sl"], StringComparison.Ordinal);
        await listenerB.StopAsync(ct);
    }
}

using System.IO.Compression;
using IntegrationBot.Editing.Store;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Editing.Export;

/// <summary>
/// The live content as a zip in the layout of <c>Knowledge/content</c> (<c>topics/*.yaml</c>, <c>intents.yaml</c>, <c>directory.yaml</c>, <c>plan.yaml</c>), so
/// the repository can take the office's edits back: published edits are written from the store, untouched topics are
/// the shipped files byte for byte, retired topics are left out.
/// </summary>
public sealed class ContentExport(KnowledgeEngine engine, ITopicContentStore store, string shippedDirectory)
{
    public async Task WriteZipAsync(Stream output, CancellationToken cancellationToken)
    {
        var published = (await store.PublishedOfEachAsync(cancellationToken)).ToDictionary(v => v.TopicId, StringComparer.Ordinal);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var topic in engine.Catalog.Topics.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var shippedFile = Path.Combine(shippedDirectory, "topics", topic.Id + ".yaml");
            var shipped = File.Exists(shippedFile) ? await File.ReadAllTextAsync(shippedFile, cancellationToken) : null;
            var yaml = published.TryGetValue(topic.Id, out var version) ? TopicYaml.Write(version.Content, shipped) : shipped;
            if (yaml is not null)
            {
                await WriteAsync(zip, $"topics/{topic.Id}.yaml", yaml, cancellationToken);
            }
        }

        // The other content files as shipped, so the export is a folder kb check accepts (topics use {dir.…}).
        // Directory entries edited in the console are not written back yet: they stay in the store (knowledge_directory).
        foreach (var name in new[] { "intents.yaml", LocalDirectory.FileName, "plan.yaml" })
        {
            var file = Path.Combine(shippedDirectory, name);
            if (File.Exists(file))
            {
                await WriteAsync(zip, name, await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>The export over the content shipped next to the assembly.</summary>
    public static ContentExport Shipped(KnowledgeEngine engine, ITopicContentStore store) => new(engine, store, TopicCatalog.DefaultDirectory);

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}

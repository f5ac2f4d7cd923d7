using System.Xml.Linq;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Architecture;

/// <summary>
/// The project references are the layers drawn in docs/ARCHITECTURE.md: a reference that crosses a layer fails here,
/// even when the build is green, and so does a new project until its place in the graph is decided and drawn.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>Each product project and the projects of ours it may reference (directly).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Knowledge"] = [],
        // Prompts fold what a person types (diacritics, Cyrillic) with Knowledge's normalizer, the same folding the
        // knowledge base uses; nothing else of ours.
        ["Dialogs"] = ["Knowledge"],
        ["Handoff"] = ["Dialogs"],
        ["Channels"] = ["Dialogs"],
        ["Flows"] = ["Dialogs", "Knowledge", "Handoff"],
        // The knowledge editor previews answers as each channel would show them, and signs in with the console's accounts.
        ["Editing"] = ["Knowledge", "Handoff", "Channels"],
        // A storage provider implements the store contracts of the layers above the runtime.
        ["Storage.LiteDb"] = ["Dialogs", "Flows", "Handoff", "Channels", "Editing"],
        ["Storage.Postgres"] = ["Dialogs", "Flows", "Handoff", "Channels", "Editing"],
        ["Bot"] = ["Knowledge", "Dialogs", "Handoff", "Channels", "Flows", "Editing", "Storage.LiteDb", "Storage.Postgres"],
    };

    [Fact]
    public void Every_product_project_references_only_the_layers_it_may()
    {
        var violations = new List<string>();
        foreach (var (project, references) in ProductProjects())
        {
            if (!Allowed.TryGetValue(project, out var allowed))
            {
                violations.Add($"{project} is not in the layer graph (decide its layer, draw it in docs/ARCHITECTURE.md, add it here)");
                continue;
            }

            violations.AddRange(references.Except(allowed).Select(r => $"{project} -> {r}"));
        }

        Assert.True(violations.Count == 0, "References that cross the layers: " + string.Join("; ", violations));
    }

    [Fact]
    public void The_runtime_and_the_knowledge_base_do_not_reference_the_product()
    {
        var projects = ProductProjects().ToDictionary(p => p.Project, p => p.References);

        Assert.Empty(projects["Knowledge"]);
        Assert.DoesNotContain("Handoff", projects["Dialogs"]);
        Assert.DoesNotContain("Flows", projects["Dialogs"]);
        Assert.DoesNotContain("Flows", projects["Channels"]);
        Assert.DoesNotContain("Handoff", projects["Channels"]);
    }

    [Fact]
    public void The_graph_reads_every_product_project()
    {
        var names = ProductProjects().Select(p => p.Project).ToList();

        Assert.Contains("Bot", names);
        Assert.Contains("Dialogs", names);
        Assert.Contains("Flows", names);
        Assert.Contains(names, n => n.StartsWith("Storage.", StringComparison.Ordinal));
    }

    /// <summary>The projects in top-level folders (tests and benchmarks are not layers) with the projects they reference.</summary>
    private static IEnumerable<(string Project, string[] References)> ProductProjects() =>
        Directory.GetDirectories(RepositoryRoot.FullPath)
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .Select(file => (
                Path.GetFileNameWithoutExtension(file),
                XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToArray()));
}

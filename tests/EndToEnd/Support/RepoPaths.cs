using System.Reflection;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Folders of the source tree the end-to-end tests need (node scripts, docs/screenshots).</summary>
internal static class RepoPaths
{
    public static string TestProject { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ProjectDirectory").Value!;

    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "docs", "screenshots")).FullName;

    public static string DirectLineClient { get; } = Path.Combine(TestProject, "directline-client");
}

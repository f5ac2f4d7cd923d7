using System.Reflection;

namespace IntegrationBot.TestSupport;

/// <summary>
/// The folder of the source tree, for tests that read shipped files (evaluation sets, string tables, node scripts).
/// Recorded at build time, so it holds wherever the test binaries run from.
/// </summary>
public static class RepositoryRoot
{
    public static string FullPath { get; } = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([FullPath, .. parts]);
}

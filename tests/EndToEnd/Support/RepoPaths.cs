using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Folders of the source tree the end-to-end tests need (node scripts, docs/screenshots).</summary>
internal static class RepoPaths
{
    public static string Screenshots { get; } = Directory.CreateDirectory(RepositoryRoot.Combine("docs", "screenshots")).FullName;

    public static string DirectLineClient { get; } = RepositoryRoot.Combine("tests", "EndToEnd", "directline-client");
}

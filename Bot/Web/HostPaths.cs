using System.Reflection;

namespace IntegrationBot.Bot.Web;

/// <summary>Where the host finds its content (appsettings.json, wwwroot): its own folder when published, else the Bot project folder.</summary>
/// <remarks>
/// A publish puts wwwroot next to the binary, and a server has no source tree (README "Deploy"), so a published host
/// serves its own folder from whatever working directory it starts in. The build output has no wwwroot, and
/// `dotnet run --project Bot` keeps the caller's working directory, so a host run from source uses the project folder.
/// </remarks>
internal static class HostPaths
{
    public static string ContentRoot()
    {
        var own = AppContext.BaseDirectory;
        if (HasWebRoot(own))
        {
            return own;
        }

        var projectDirectory = typeof(HostPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        return projectDirectory is not null && HasWebRoot(projectDirectory) ? projectDirectory : own;
    }

    private static bool HasWebRoot(string directory) => Directory.Exists(Path.Combine(directory, "wwwroot"));
}

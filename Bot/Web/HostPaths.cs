using System.Reflection;

namespace IntegrationBot.Bot.Web;

/// <summary>Where the host finds its web root: the Bot project folder when run from source, else next to the binary.</summary>
/// <remarks>`dotnet run --project Bot` keeps the caller's working directory, so the default content root would miss wwwroot.</remarks>
internal static class HostPaths
{
    public static string ContentRoot()
    {
        var projectDirectory = typeof(HostPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        return projectDirectory is not null && Directory.Exists(Path.Combine(projectDirectory, "wwwroot"))
            ? projectDirectory
            : AppContext.BaseDirectory;
    }
}

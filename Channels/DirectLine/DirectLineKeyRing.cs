using IntegrationBot.Dialogs.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Where the host's Data Protection keys live, which sign web chat tokens (and the console's cookies): a storage provider
/// that shares them between instances registers an <see cref="IXmlRepository"/> (PostgreSQL: a table); otherwise they are
/// files in <c>keys/</c> of the data directory (<c>IntegrationBot:Storage:Path</c>). Either way they outlive a restart,
/// so a page reloaded after one keeps its chat.
/// </summary>
public sealed class DirectLineKeyRing(IOptions<StorageOptions> storage, ILoggerFactory loggers, IXmlRepository? shared = null)
    : IConfigureOptions<KeyManagementOptions>
{
    /// <summary>The same on every instance: Data Protection otherwise isolates apps by their content root path.</summary>
    public const string ApplicationName = "IntegrationBot";

    public const string KeysDirectory = "keys";

    public static void Add(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DirectLineKeyRing>();
    }

    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = shared ?? new FileSystemXmlRepository(
            new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.Value.Path), KeysDirectory)), loggers);
}

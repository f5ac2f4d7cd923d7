using System.Security.Cryptography;
using System.Text;
using IntegrationBot.Dialogs.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// Lets <c>counselor add</c> work while the server runs (the LiteDB file is then in use by the server): at start the host
/// writes its address and a fresh random token to <see cref="FileName"/> in the data folder, readable only by the
/// server's own user; the command sends the new account to <c>/api/local-admin/counselors</c> on loopback with that
/// token. Whoever can read the data folder could already read every account, so the file grants nothing more.
/// </summary>
public sealed class LocalAdminAccess(IOptions<StorageOptions> storage, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public const string FileName = "local-admin.token";
    public const string TokenHeader = "X-Local-Admin-Token";

    private readonly string _token = RandomNumberGenerator.GetHexString(64, lowercase: true);

    private string FilePath => Path.Combine(storage.Value.Path, FileName);

    /// <summary>Whether <paramref name="presented"/> is this run's token (compared in fixed time).</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(_token));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The addresses are known once the server listens.
        lifetime.ApplicationStarted.Register(Write);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        File.Delete(FilePath);
        return Task.CompletedTask;
    }

    private void Write()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        // With Provider=memory the commands cannot reach this process's stores anyway, and nothing goes to the data folder.
        if (address is null || storage.Value.Provider == StorageOptions.MemoryProvider || !Directory.Exists(storage.Value.Path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(FilePath, Encoding.ASCII, options);
        writer.Write(address.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal) + "\n" + _token + "\n");
    }
}

using IntegrationBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationBot.Bot.Tests;

public sealed class HealthTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task Web_host_serves_health_with_only_a_data_directory_configured()
    {
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("IntegrationBot:Storage:Path", _directory.Path));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.True(File.Exists(Path.Combine(_directory.Path, "integrationbot.db")));
    }

    public void Dispose() => _directory.Dispose();
}

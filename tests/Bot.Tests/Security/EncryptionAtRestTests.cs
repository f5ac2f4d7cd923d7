using System.Text;
using IntegrationBot.Bot.Tests.Privacy;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Security;

public sealed class EncryptionAtRestTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("correct horse battery staple")]
    public async Task Message_text_is_on_disk_in_plain_text_only_without_a_password(string? password)
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = password is null ? [] : new Dictionary<string, string> { ["IntegrationBot:Storage:Password"] = password };
        await using var host = new ChatHost(settings);
        var (_, marker) = await ErasureTests.ChatWithMarkerAsync(host, "PLAINTEXT-MARKER-d41d8c", ct);
        await host.StopAsync();

        var onDisk = Directory.GetFiles(host.DataPath).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).ToList();

        var found = onDisk.Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0);
        Assert.Equal(password is null, found);
    }

    [Fact]
    public async Task Encrypted_database_cannot_be_opened_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Storage:Password"] = "s3cret-pw" });
        await ErasureTests.ChatWithMarkerAsync(host, "hello", ct);
        await host.StopAsync();

        var withoutPassword = Assert.Throws<StorageOpenException>(() => LiteDbDatabaseFactory.Open(new StorageOptions { Path = host.DataPath }));
        var wrongPassword = Assert.Throws<StorageOpenException>(() => LiteDbDatabaseFactory.Open(new StorageOptions { Path = host.DataPath, Password = "guess" }));
        using var reopened = LiteDbDatabaseFactory.Open(new StorageOptions { Path = host.DataPath, Password = "s3cret-pw" });

        Assert.Contains("password", withoutPassword.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", wrongPassword.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("directline_activities", reopened.Database.GetCollectionNames());
    }
}

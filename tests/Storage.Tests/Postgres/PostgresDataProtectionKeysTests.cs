using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.Postgres.DataProtection;
using IntegrationBot.Storage.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>Two instances on one PostgreSQL share the Data Protection key ring, so each accepts the other's web chat tokens.</summary>
public sealed class PostgresDataProtectionKeysTests
{
    [Fact]
    public async Task A_token_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        await using var first = await PostgresBackend.OpenAsync();
        await using var second = first.Second();
        await first.Database.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        using var a = Instance(first);
        using var b = Instance(second);

        var issued = Tokens(a).Issue("dl-conversation", "dl_user");

        Assert.Equal(TokenCheck.Valid, Tokens(b).Verify(issued.Token, out var granted));
        Assert.Equal("dl-conversation", granted!.ConversationId);
        await using var elsewhere = await PostgresBackend.OpenAsync();
        using var c = Instance(elsewhere);
        Assert.Equal(TokenCheck.Invalid, Tokens(c).Verify(issued.Token, out _));
    }

    /// <summary>The key ring as a host on PostgreSQL wires it: the provider's repository, found by <see cref="DirectLineKeyRing"/>.</summary>
    private static ServiceProvider Instance(PostgresBackend backend)
    {
        var services = new ServiceCollection();
        services.AddLogging().AddOptions();
        services.AddSingleton<IXmlRepository>(new PostgresDataProtectionKeys(backend.Database));
        DirectLineKeyRing.Add(services);
        return services.BuildServiceProvider();
    }

    private static DirectLineTokenService Tokens(IServiceProvider instance) =>
        new(instance.GetRequiredService<IDataProtectionProvider>(), Options.Create(new DirectLineOptions()), TimeProvider.System);
}

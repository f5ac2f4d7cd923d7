using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresUserDataTests : UserDataContract
{
    protected override async Task<IStoreBackend> OpenAsync() => await PostgresBackend.OpenAsync();
}

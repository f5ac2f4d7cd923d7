using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.LiteDb;

public sealed class LiteDbUserDataTests : UserDataContract
{
    protected override Task<IStoreBackend> OpenAsync() => Task.FromResult<IStoreBackend>(new LiteDbBackend());
}

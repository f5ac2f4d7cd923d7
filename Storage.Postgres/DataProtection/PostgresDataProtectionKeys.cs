using System.Xml.Linq;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace IntegrationBot.Storage.Postgres.DataProtection;

/// <summary>
/// The host's Data Protection key ring in table <c>dataprotection_keys</c>, so every instance on the database shares it:
/// a web chat token (or a console cookie) issued by one instance is accepted by the others.
/// </summary>
/// <remarks>Data Protection's repository interface is synchronous; it is called when the key ring loads (at start, then
/// about daily) and when a key is created, so these few calls wait on the asynchronous database API.</remarks>
public sealed class PostgresDataProtectionKeys(PostgresDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = await Sql.ListAsync(connection, "SELECT xml FROM dataprotection_keys ORDER BY name", r => r.GetString(0), CancellationToken.None);
        return [.. rows.Select(XElement.Parse)];
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        // Data Protection names each key uniquely (key-{id}); a second store of the same name is the same key.
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO dataprotection_keys (name, xml) VALUES (@n, @x) ON CONFLICT (name) DO NOTHING",
            CancellationToken.None,
            ("n", friendlyName),
            ("x", element.ToString(SaveOptions.DisableFormatting)));
    }
}

using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace IntegrationBot.Storage.LiteDb.DataProtection;

/// <summary>
/// The Data Protection key ring of <c>Provider=memory</c>: kept in the process, so nothing is written to the data
/// directory; tokens and cookies signed with it end with the process, as everything else memory keeps.
/// </summary>
public sealed class MemoryDataProtectionKeys : IXmlRepository
{
    private readonly Lock _gate = new();
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_gate)
        {
            _elements.Add(new XElement(element));
        }
    }
}

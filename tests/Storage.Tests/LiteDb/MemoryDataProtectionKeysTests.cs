using System.Xml.Linq;
using IntegrationBot.Storage.LiteDb.DataProtection;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>The memory provider's key ring keeps every key it is given, as copies nobody can change afterwards.</summary>
public sealed class MemoryDataProtectionKeysTests
{
    [Fact]
    public void Stored_keys_are_returned_and_later_changes_to_the_element_do_not_reach_them()
    {
        var keys = new MemoryDataProtectionKeys();
        var first = new XElement("key", new XAttribute("id", "1"));
        keys.StoreElement(first, "key-1");
        keys.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        first.SetAttributeValue("id", "changed");

        Assert.Equal(["1", "2"], keys.GetAllElements().Select(e => e.Attribute("id")!.Value));
    }
}

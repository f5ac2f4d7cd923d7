namespace IntegrationBot.Dialogs.Storage;

/// <summary>The one eTag rule every store applies, so memory and LiteDB (another assembly) behave the same.</summary>
public static class ETagCheck
{
    public static void Ensure(string key, string? expected, string? actual)
    {
        if (expected == StoredItem.AnyETag || expected == actual)
        {
            return;
        }

        throw new StorageConflictException(key, expected, actual);
    }

    public static string NewETag() => Guid.NewGuid().ToString("N");
}

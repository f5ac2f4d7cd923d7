using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Storage;

/// <summary>Section <c>IntegrationBot:Storage</c> (env <c>IntegrationBot__Storage__Path</c> ...).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "IntegrationBot:Storage";
    public const string LiteDbProvider = "litedb";
    public const string MemoryProvider = "memory";
    public const string FileName = "integrationbot.db";
    public const string FsyncDurability = "fsync";
    public const string OsDurability = "os";

    /// <summary>Data directory; relative paths are under the current working directory.</summary>
    [Required]
    public string Path { get; set; } = "./data";

    /// <summary><c>litedb</c> (default, durable), <c>memory</c> (tests only) or <c>postgres</c> (several instances; see Storage.Postgres).</summary>
    [Required]
    [RegularExpression("^(litedb|memory|postgres)$", ErrorMessage = "IntegrationBot:Storage:Provider must be 'litedb', 'memory' or 'postgres'.")]
    public string Provider { get; set; } = LiteDbProvider;

    /// <summary>Optional password: LiteDB then encrypts the file (AES).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// <c>fsync</c> (default): every LiteDB write is on disk before the caller goes on (concurrent writes share one
    /// fsync). <c>os</c>: a write is done once the operating system has it; a background fsync follows within
    /// <see cref="SyncIntervalMilliseconds"/>. See <see cref="StorageDurability"/>.
    /// </summary>
    [Required]
    [RegularExpression("^(fsync|os)$", ErrorMessage = "IntegrationBot:Storage:Durability must be 'fsync' (default) or 'os'.")]
    public string Durability { get; set; } = FsyncDurability;

    /// <summary>
    /// LiteDB: a turn's writes are appended to a write journal next to the file (<c>integrationbot-journal-0.db</c>,
    /// <c>-1.db</c>) and durable there, and LiteDB commits many turns at once behind it (default true). Off, every
    /// turn is one LiteDB commit. A file with a <see cref="Password"/> never journals: the journal is not encrypted.
    /// </summary>
    public bool Journal { get; set; } = true;

    /// <summary>With <c>Durability=os</c>, how long written data may wait for its fsync at most (default 50 ms).</summary>
    [Range(1, 10_000, ErrorMessage = "IntegrationBot:Storage:SyncIntervalMilliseconds must be between 1 and 10000.")]
    public int SyncIntervalMilliseconds { get; set; } = 50;

    /// <summary>Defaults of the LiteDB in-memory copy (also used when a file is opened without options: tests, tools).</summary>
    public const int DefaultCachedDocuments = 4_000;

    /// <summary>See <see cref="DefaultCachedDocuments"/>.</summary>
    public const int DefaultCacheMegabytes = 8;

    /// <summary>See <see cref="DefaultCachedDocuments"/>.</summary>
    public const int DefaultOutboxEntries = 5_000;

    /// <summary>LiteDB: state documents of active conversations kept in memory (0: none); the least recently used go first.</summary>
    [Range(0, 10_000_000, ErrorMessage = "IntegrationBot:Storage:CachedDocuments must be between 0 and 10000000.")]
    public int CachedDocuments { get; set; } = DefaultCachedDocuments;

    /// <summary>LiteDB: the memory those documents may take, in megabytes.</summary>
    [Range(0, 64 * 1024, ErrorMessage = "IntegrationBot:Storage:CacheMegabytes must be between 0 and 65536.")]
    public int CacheMegabytes { get; set; } = DefaultCacheMegabytes;

    /// <summary>LiteDB: pending outbox entries kept in memory for delivery; with more pending, the dispatcher reads the file.</summary>
    [Range(0, 10_000_000, ErrorMessage = "IntegrationBot:Storage:CachedOutboxEntries must be between 0 and 10000000.")]
    public int CachedOutboxEntries { get; set; } = DefaultOutboxEntries;

    /// <summary>The parsed <see cref="Durability"/>; an unknown value throws a message naming the key.</summary>
    public StorageDurability GetDurability() => Durability switch
    {
        FsyncDurability => StorageDurability.Fsync,
        OsDurability => StorageDurability.Os,
        _ => throw new InvalidOperationException($"IntegrationBot:Storage:Durability must be 'fsync' (default) or 'os', not '{Durability}'."),
    };

    public string DatabaseFilePath => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, FileName));
}

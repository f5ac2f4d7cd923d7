using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Storage;

/// <summary>Section <c>IntegrationBot:Storage</c> (env <c>IntegrationBot__Storage__Path</c> ...).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "IntegrationBot:Storage";
    public const string LiteDbProvider = "litedb";
    public const string MemoryProvider = "memory";
    public const string FileName = "integrationbot.db";

    /// <summary>Data directory; relative paths are under the current working directory.</summary>
    [Required]
    public string Path { get; set; } = "./data";

    /// <summary><c>litedb</c> (default, durable), <c>memory</c> (tests only) or <c>postgres</c> (several instances; see Storage.Postgres).</summary>
    [Required]
    [RegularExpression("^(litedb|memory|postgres)$", ErrorMessage = "IntegrationBot:Storage:Provider must be 'litedb', 'memory' or 'postgres'.")]
    public string Provider { get; set; } = LiteDbProvider;

    /// <summary>Optional password: LiteDB then encrypts the file (AES).</summary>
    public string? Password { get; set; }

    public string DatabaseFilePath => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, FileName));
}

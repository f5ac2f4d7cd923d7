using LiteDB;
using LiteDB.Engine;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Opens <c>integrationbot.db</c> in the data directory and turns every way that can fail into a <see cref="StorageOpenException"/>.
/// LiteDB gets the data file and its log (<c>integrationbot-log.db</c>, the name LiteDB itself uses) as streams this
/// process owns, so commits are synced to disk in groups (<see cref="DiskSync"/>) instead of one fsync per page.
/// </summary>
public static class LiteDbDatabaseFactory
{
    public static SharedLiteDatabase Open(StorageOptions options) => Open(options, fsync => fsync);

    /// <param name="options">Where the file is, its password and durability.</param>
    /// <param name="decorateSync">Wraps the log's fsync; tests use it to see when syncs start and end.</param>
    internal static SharedLiteDatabase Open(StorageOptions options, Func<Action, Action> decorateSync) =>
        Open(options, decorateSync, JournaledCommits.DefaultMaxOpen, JournaledCommits.DefaultCommitEveryBatches);

    /// <param name="journalMaxOpen">How long LiteDB's transaction may stay open behind the journal (tests lengthen it).</param>
    /// <param name="commitEveryBatches">How many journaled batches LiteDB's transaction may take before it commits.</param>
    internal static SharedLiteDatabase Open(StorageOptions options, Func<Action, Action> decorateSync, TimeSpan journalMaxOpen, int commitEveryBatches)
    {
        ArgumentNullException.ThrowIfNull(options);
        var durability = options.GetDurability();
        var file = options.DatabaseFilePath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageOpenException(file, $"the data directory cannot be created ({ex.Message}).", ex);
        }

        var logPath = LogFilePath(file);
        FileStream? processLock = null;
        GroupSyncedFileStream? data = null;
        GroupSyncedFileStream? log = null;
        DiskSync? sync = null;
        WriteJournal? journal = null;
        LiteDatabase? database = null;
        LiteEngine? engineOpened = null;
        try
        {
            // LiteDB's own file sharing lets a second process open the file on Linux; an exclusive lock file prevents
            // two hosts (or a chat next to the web host) from writing the same database.
            processLock = new FileStream(LockFilePath(file), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            // The journal's frames are the turns' messages in plain text: a file with a password is never journaled.
            var journaled = options.Journal && string.IsNullOrEmpty(options.Password);
            var logFile = OpenUnbuffered(logPath);
            // Tests observe the sync that makes writes durable: the journal's when there is one, else this one.
            Action logSync = () => logFile.Flush(flushToDisk: true);
            sync = new DiskSync(journaled ? logSync : decorateSync(logSync), durability, TimeSpan.FromMilliseconds(options.SyncIntervalMilliseconds));
            log = new GroupSyncedFileStream(logFile, sync);
            var dataFence = new DataFileFence();
            data = new GroupSyncedFileStream(OpenUnbuffered(file), group: null, dataFence);
            var engine = engineOpened = new LiteEngine(new EngineSettings
            {
                DataStream = data,
                LogStream = log,
                Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
                // Keys are ids (chat ids, Viber's base64 user ids, conversation keys): compare them byte for byte. LiteDB's
                // default, the culture ignoring case, made ids that differ only in case one key and spent a sixth of the
                // CPU of a loaded host in culture-aware comparison. Only a new file takes this; an existing one keeps
                // the collation it was created with.
                Collation = Collation.Binary,
            });
            var recorder = journaled ? new JournaledEngine(engine) : null;
            // The engine is closed by SharedLiteDatabase after its writer ran what was still queued: a container that
            // disposes this LiteDatabase first (it hands it out as a service) must not close the file under the writer.
            database = new LiteDatabase(recorder is null ? engine : recorder, disposeOnClose: false);
            // Opening is lazy in places; touching the catalog makes a corrupt or undecryptable file fail here, not mid-turn.
            LiteDbCollections.CreateMissing(database);
            JournaledCommits? commits = null;
            if (recorder is not null)
            {
                journal = WriteJournal.Open(file, durability, TimeSpan.FromMilliseconds(options.SyncIntervalMilliseconds), decorateSync);
                var last = JournalRecovery.Apply(database, recorder, journal);
                commits = new JournaledCommits(journal, recorder, sync, last) { MaxOpen = journalMaxOpen, CommitEveryBatches = commitEveryBatches };
            }

            var shared = new SharedLiteDatabase(database, file, sync, LiteDbLogQueue.Of(engine), new LiteDbFiles(data, log, logPath, processLock, dataFence), engine, commits);
            LiteDbHotState.Attach(shared, options);
            return shared;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException or InvalidCastException or IndexOutOfRangeException or InvalidDataException or System.Security.Cryptography.CryptographicException)
        {
            database?.Dispose();
            engineOpened?.Dispose();
            journal?.Dispose();
            sync?.Dispose();
            data?.Dispose();
            log?.Dispose();
            processLock?.Dispose();
            throw new StorageOpenException(file, Describe(ex), ex);
        }
    }

    /// <summary>
    /// A database held in memory for <c>Provider=memory</c> (tests): the same collections and the same one writer as the
    /// file, but no file, lock or fsync, and it is gone when the process ends.
    /// </summary>
    public static SharedLiteDatabase OpenInMemory()
    {
        var engine = new LiteEngine(new EngineSettings
        {
            DataStream = new MemoryStream(),
            LogStream = new MemoryStream(),
            Collation = Collation.Binary,
        });
        var database = new LiteDatabase(engine);
        LiteDbCollections.CreateMissing(database);
        return new SharedLiteDatabase(database, InMemoryPath);
    }

    /// <summary>What <see cref="SharedLiteDatabase.FilePath"/> says of a database in memory (LiteDB's own name for one).</summary>
    public const string InMemoryPath = ":memory:";

    /// <summary>LiteDB's own name for the log of <paramref name="dataFile"/>, so a log left by a crash is recovered.</summary>
    internal static string LogFilePath(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    /// <summary>
    /// The file a process holds locked while it has <paramref name="dataFile"/> open (an advisory lock the operating system
    /// drops when the process ends, also by a crash or a kill); <c>restore</c> checks it before touching the folder.
    /// </summary>
    internal static string LockFilePath(string dataFile) => dataFile + ".lock";

    // No buffer of its own: a write goes straight to the OS, so the disk sync thread can fsync next to LiteDB's writer.
    private static FileStream OpenUnbuffered(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);

    private static string Describe(Exception ex) => ex switch
    {
        InvalidDataException => "its write journal (integrationbot-journal-0.db, -1.db) holds a change that cannot be applied; keep a copy of the data folder, then move those two files away to start without the last writes they hold.",
        IOException => "it is in use by another IntegrationBot process (stop it and retry) or cannot be read.",
        UnauthorizedAccessException => "access is denied.",
        LiteException lite when lite.Message.Contains("password", StringComparison.OrdinalIgnoreCase) =>
            "the password is wrong or missing (IntegrationBot:Storage:Password).",
        _ => "the file is corrupt, not an IntegrationBot database, or the password (IntegrationBot:Storage:Password) is wrong.",
    };
}

namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary>
/// Answers "was this inbound id never processed?" from memory for almost every new message, so a turn's duplicate
/// check reads the file only for a possible repeat (issue 19). A Bloom filter of every inbound id in the file: loaded
/// by one scan in the background on first use (until then every check reads the file), kept up to date by each turn
/// commit, and rebuilt with twice the room once it holds more ids than it was sized for. Ids erased or purged from the
/// file stay in it, which costs only a file read when they come again; it never says "new" for an id in the file.
/// </summary>
public sealed class LiteDbInboundFilter
{
    // ~1 % false positives at 10 bits and 7 probes per id; 2^20 ids (1.25 MB) at least.
    private const int BitsPerId = 10;
    private const int Probes = 7;
    private const long MinCapacity = 1 << 20;

    /// <summary>From how many ids in the file a load ends with a full collection (see <see cref="LoadInBackground"/>).</summary>
    public const long TrimAfterLoadingIds = 10_000;

    private readonly Lock _lock = new();
    private Bits? _ready;
    private Bits? _building;
    private long _added;

    /// <summary>True when the filter is loaded (checks can skip the file).</summary>
    public bool IsReady => Volatile.Read(ref _ready) is not null;

    /// <summary>How many ids the loaded filter was sized for.</summary>
    public long Capacity => Volatile.Read(ref _ready)?.Capacity ?? 0;

    /// <summary>True only when <paramref name="inboundKey"/> is certainly not in the file; false means "read the file".</summary>
    public bool IsSurelyNew(string inboundKey) => Volatile.Read(ref _ready) is { } ready && !ready.MightContain(inboundKey);

    /// <summary>An id committed to the file (call after its commit; before a load starts or during it, too).</summary>
    public void Added(string inboundKey)
    {
        Bits? ready;
        Bits? building;
        lock (_lock)
        {
            ready = _ready;
            building = _building;
            _added++;
        }

        ready?.Add(inboundKey);
        building?.Add(inboundKey);
        if (ready is not null && Interlocked.Read(ref _added) > ready.Capacity)
        {
            lock (_lock)
            {
                // Too full to answer well: checks read the file until the rebuild with more room is ready.
                if (_ready == ready)
                {
                    _ready = null;
                }
            }
        }
    }

    /// <summary>
    /// Starts loading unless loaded or loading: <paramref name="scanFile"/> reads every inbound id in the file and
    /// <paramref name="countFile"/> how many there are. Ids committed from now on go into the filter being built too,
    /// so one committed while the scan runs is never missed.
    /// </summary>
    public void LoadInBackground(Func<long> countFile, Func<IEnumerable<string>> scanFile)
    {
        ArgumentNullException.ThrowIfNull(countFile);
        ArgumentNullException.ThrowIfNull(scanFile);
        lock (_lock)
        {
            if (_ready is not null || _building is not null)
            {
                return;
            }
        }

        _ = Task.Run(() =>
        {
            try
            {
                var count = countFile();
                var bits = new Bits(Math.Max(MinCapacity, 2 * count));
                lock (_lock)
                {
                    if (_building is not null)
                    {
                        return;
                    }

                    _building = bits;
                    _added = count;
                }

                foreach (var id in scanFile())
                {
                    bits.Add(id);
                }

                lock (_lock)
                {
                    _ready = bits;
                    _building = null;
                }

                if (count >= TrimAfterLoadingIds)
                {
                    // The scan read a document per id; the GC keeps the room that garbage took for the process's life
                    // (measured: an idle host on 100,000 stored conversations stayed 45-75 MB larger after its first
                    // messages). One compacting, decommitting collection, once per load, gives it back.
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
            catch (Exception)
            {
                // The file could not be read (closed at shutdown, damaged): checks keep reading it; the next one retries.
                lock (_lock)
                {
                    _building = null;
                }
            }
        });
    }

    /// <summary>A fixed bit array with double hashing; adds are lock-free and safe alongside reads.</summary>
    private sealed class Bits
    {
        private readonly long[] _words;
        private readonly ulong _size;

        public Bits(long capacity)
        {
            Capacity = capacity;
            _size = (ulong)(capacity * BitsPerId);
            _words = new long[(_size + 63) / 64];
        }

        public long Capacity { get; }

        public void Add(string key)
        {
            var (h1, h2) = Hashes(key);
            for (ulong i = 0; i < Probes; i++)
            {
                var bit = (h1 + (i * h2)) % _size;
                Interlocked.Or(ref _words[bit / 64], 1L << (int)(bit % 64));
            }
        }

        public bool MightContain(string key)
        {
            var (h1, h2) = Hashes(key);
            for (ulong i = 0; i < Probes; i++)
            {
                var bit = (h1 + (i * h2)) % _size;
                if ((Volatile.Read(ref _words[bit / 64]) & (1L << (int)(bit % 64))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>FNV-1a and the process's randomized string hash: two independent hashes for double hashing.</summary>
        private static (ulong H1, ulong H2) Hashes(string key)
        {
            var fnv = 14695981039346656037UL;
            foreach (var c in key)
            {
                fnv = (fnv ^ c) * 1099511628211UL;
            }

            return (fnv, ((ulong)(uint)key.GetHashCode() << 1) | 1);
        }
    }
}

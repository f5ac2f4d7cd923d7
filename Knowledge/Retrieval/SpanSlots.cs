using System.Buffers;
using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Numbers distinct character spans for one question: the features the index has never seen, which still count in
/// the query's length. A dictionary would need a string per unknown feature, and a question that is out of scope
/// has dozens; here their text is copied into one rented buffer and found again through an open-addressing table.
/// </summary>
internal sealed class SpanSlots : IDisposable
{
    private readonly char[] text;

    // One rented array: the buckets (entry + 1, 0 when empty), then per entry its start, length and value.
    private readonly int[] cells;
    private readonly int mask;
    private int used;
    private int count;

    /// <summary>Room for <paramref name="capacity"/> spans of <paramref name="maxChars"/> characters in total.</summary>
    public SpanSlots(int capacity, int maxChars)
    {
        var buckets = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * capacity)));
        mask = buckets - 1;
        text = ArrayPool<char>.Shared.Rent(maxChars);
        cells = ArrayPool<int>.Shared.Rent(buckets + (3 * capacity));
        Array.Clear(cells, 0, buckets);
    }

    /// <summary>The value stored for <paramref name="span"/>, or adds it with <paramref name="valueIfNew"/>; true when it was there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool GetOrAdd(ReadOnlySpan<char> span, int valueIfNew, out int found)
    {
        var bucket = string.GetHashCode(span) & mask;
        while (cells[bucket] != 0)
        {
            var entry = mask + 1 + (3 * (cells[bucket] - 1));
            if (text.AsSpan(cells[entry], cells[entry + 1]).SequenceEqual(span))
            {
                found = cells[entry + 2];
                return true;
            }

            bucket = (bucket + 1) & mask;
        }

        span.CopyTo(text.AsSpan(used));
        var added = mask + 1 + (3 * count);
        (cells[added], cells[added + 1], cells[added + 2]) = (used, span.Length, valueIfNew);
        used += span.Length;
        cells[bucket] = ++count;
        found = valueIfNew;
        return false;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(text);
        ArrayPool<int>.Shared.Return(cells);
    }
}

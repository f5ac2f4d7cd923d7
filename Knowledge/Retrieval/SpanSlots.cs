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
    private readonly int[] table; // per bucket: entry + 1, 0 when empty
    private readonly int[] start;
    private readonly int[] length;
    private readonly int[] value;
    private readonly int mask;
    private int used;
    private int count;

    /// <summary>Room for <paramref name="capacity"/> spans of <paramref name="maxChars"/> characters in total.</summary>
    public SpanSlots(int capacity, int maxChars)
    {
        var buckets = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * capacity)));
        mask = buckets - 1;
        text = ArrayPool<char>.Shared.Rent(maxChars);
        table = ArrayPool<int>.Shared.Rent(buckets);
        Array.Clear(table, 0, buckets);
        start = ArrayPool<int>.Shared.Rent(capacity);
        length = ArrayPool<int>.Shared.Rent(capacity);
        value = ArrayPool<int>.Shared.Rent(capacity);
    }

    /// <summary>The value stored for <paramref name="span"/>, or adds it with <paramref name="valueIfNew"/>; true when it was there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool GetOrAdd(ReadOnlySpan<char> span, int valueIfNew, out int found)
    {
        var bucket = string.GetHashCode(span) & mask;
        while (table[bucket] != 0)
        {
            var e = table[bucket] - 1;
            if (text.AsSpan(start[e], length[e]).SequenceEqual(span))
            {
                found = value[e];
                return true;
            }

            bucket = (bucket + 1) & mask;
        }

        span.CopyTo(text.AsSpan(used));
        (start[count], length[count], value[count]) = (used, span.Length, valueIfNew);
        used += span.Length;
        table[bucket] = ++count;
        found = valueIfNew;
        return false;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(text);
        ArrayPool<int>.Shared.Return(table);
        ArrayPool<int>.Shared.Return(start);
        ArrayPool<int>.Shared.Return(length);
        ArrayPool<int>.Shared.Return(value);
    }
}

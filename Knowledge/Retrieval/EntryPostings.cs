using System.Numerics;
using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// The second stage of a search: for the few best documents, the similarity of the question with each of their
/// entries (title, sample questions, keywords). Instead of walking every feature of every entry of those documents
/// against a dense query (tens of thousands of scattered reads per question), each posting of the centroid index
/// (feature, document) points at the document's entries that contain the feature, so only the features the
/// question actually has are visited. Entries are numbered globally, a document's entries being contiguous.
/// </summary>
internal sealed class EntryPostings
{
    // Above this many postings per selected document, a feature's posting list is binary-searched for the selected
    // documents instead of scanned (large knowledge bases: common n-grams are in thousands of documents).
    private const int ScanFactor = 4;

    // A feature whose documents fill this many words of a bitmap or more gets one: the selected documents that have
    // it are then found a word at a time instead of by reading its whole posting list (the shipped content's common
    // n-grams are in most of its ~150 documents; this scan was a fifth of a question's time). The bitmap is never
    // larger than the posting list it stands for. Above MaxBitmapDocuments (large knowledge bases) there are none.
    private const int BitmapFactor = 2;
    private const int MaxBitmapDocuments = 64 * 64;

    private readonly int[] docStart;

    // Per feature, where its postings' entry ranges start in offsets: posting i of feature f has the entries
    // entries[offsets[postingStart[f] + i] .. offsets[postingStart[f] + i + 1]) with their weights.
    private readonly int[] postingStart;
    private readonly int[] offsets;
    private readonly int[] entries;
    private readonly float[] weights;

    // Per feature, where its bitmap of documents starts in bitmaps (-1: none); words per bitmap (0: no bitmaps at all).
    private readonly int[] bitmapOf;
    private readonly ulong[] bitmaps;
    private readonly int words;

    private EntryPostings(int[] docStart, int[] postingStart, int[] offsets, int[] entries, float[] weights, int[][] postingDocs)
    {
        this.docStart = docStart;
        this.postingStart = postingStart;
        this.offsets = offsets;
        this.entries = entries;
        this.weights = weights;
        var documents = docStart.Length - 1;
        words = documents <= MaxBitmapDocuments ? (documents + 63) / 64 : 0;
        bitmapOf = new int[postingDocs.Length];
        var bitmapCount = 0;
        for (var f = 0; f < postingDocs.Length; f++)
        {
            bitmapOf[f] = HasBitmap(postingDocs[f]) ? words * bitmapCount++ : -1;
        }

        bitmaps = new ulong[words * bitmapCount];
        for (var f = 0; f < postingDocs.Length; f++)
        {
            if (bitmapOf[f] >= 0)
            {
                foreach (var doc in postingDocs[f])
                {
                    bitmaps[bitmapOf[f] + (doc >> 6)] |= 1UL << doc;
                }
            }
        }
    }

    private bool HasBitmap(int[] docs) => words > 0 && docs.Length >= BitmapFactor * words;

    /// <summary>Number of entries over all documents.</summary>
    public int EntryCount => docStart[^1];

    /// <summary>
    /// Builds the entry lists for <paramref name="postingDocs"/> (per feature, the documents in ascending order).
    /// Every feature of an entry is in its document's centroid, so every entry feature has a posting.
    /// </summary>
    public static EntryPostings Build(SparseVector[][] docEntries, int[][] postingDocs)
    {
        var docStart = new int[docEntries.Length + 1];
        for (var d = 0; d < docEntries.Length; d++)
        {
            docStart[d + 1] = docStart[d] + docEntries[d].Length;
        }

        // Documents are visited in ascending order, so each feature's list comes out grouped like its postings.
        var perFeature = new List<(int Doc, int Entry, float Weight)>?[postingDocs.Length];
        for (var d = 0; d < docEntries.Length; d++)
        {
            for (var e = 0; e < docEntries[d].Length; e++)
            {
                var vector = docEntries[d][e];
                for (var i = 0; i < vector.Ids.Length; i++)
                {
                    (perFeature[vector.Ids[i]] ??= []).Add((d, docStart[d] + e, vector.Weights[i]));
                }
            }
        }

        // All features' lists in three flat arrays (fewer indirections per entry added while searching).
        var postingStart = new int[postingDocs.Length];
        var offsets = new int[postingDocs.Sum(docs => docs.Length + 1)];
        var entries = new int[perFeature.Sum(list => list?.Count ?? 0)];
        var weights = new float[entries.Length];
        int at = 0, n = 0;
        for (var f = 0; f < postingDocs.Length; f++)
        {
            var list = perFeature[f] ?? [];
            var docs = postingDocs[f];
            postingStart[f] = at;
            offsets[at] = n;
            var k = 0;
            for (var i = 0; i < docs.Length; i++)
            {
                while (k < list.Count && list[k].Doc == docs[i])
                {
                    (entries[n], weights[n]) = (list[k].Entry, list[k].Weight);
                    n++;
                    k++;
                }

                offsets[at + i + 1] = n;
            }

            at += docs.Length + 1;
        }

        return new EntryPostings(docStart, postingStart, offsets, entries, weights, postingDocs);
    }

    /// <summary>
    /// Adds, for every query feature, its weight times the entry weight to <paramref name="entryScores"/> for the
    /// entries of the documents marked in <paramref name="selected"/> (listed in <paramref name="selectedDocs"/>).
    /// Each entry belongs to one document, so whichever way a feature's documents are found, every entry score is
    /// summed over the query's features in the query's order: the same sums to the last bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(
        ReadOnlySpan<int> queryIds, ReadOnlySpan<double> queryWeights, int[][] postingDocs,
        bool[] selected, List<int> selectedDocs, double[] entryScores)
    {
        Span<ulong> chosen = stackalloc ulong[words];
        chosen.Clear();
        if (words > 0)
        {
            foreach (var doc in selectedDocs)
            {
                chosen[doc >> 6] |= 1UL << doc;
            }
        }

        for (var q = 0; q < queryIds.Length; q++)
        {
            var feature = queryIds[q];
            var docs = postingDocs[feature];
            if (bitmapOf[feature] >= 0)
            {
                AddChosen(feature, chosen, queryWeights[q], entryScores);
            }
            else if (docs.Length <= ScanFactor * selectedDocs.Count)
            {
                for (var i = 0; i < docs.Length; i++)
                {
                    if (selected[docs[i]])
                    {
                        Add(feature, i, queryWeights[q], entryScores);
                    }
                }
            }
            else
            {
                foreach (var doc in selectedDocs)
                {
                    var i = Array.BinarySearch(docs, doc);
                    if (i >= 0)
                    {
                        Add(feature, i, queryWeights[q], entryScores);
                    }
                }
            }
        }
    }

    // The chosen documents in the feature's bitmap, in ascending order; a document's posting number is the count of
    // the feature's documents before it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddChosen(int feature, ReadOnlySpan<ulong> chosen, double queryWeight, double[] entryScores)
    {
        var bits = bitmaps.AsSpan(bitmapOf[feature], words);
        var before = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var hits = bits[w] & chosen[w];
            while (hits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(hits);
                Add(feature, before + BitOperations.PopCount(bits[w] & ((1UL << bit) - 1)), queryWeight, entryScores);
                hits &= hits - 1;
            }

            before += BitOperations.PopCount(bits[w]);
        }
    }

    /// <summary>The best entry score of <paramref name="doc"/> (0 when none of its entries shares a feature).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Closest(int doc, double[] entryScores)
    {
        var closest = 0.0;
        for (var e = docStart[doc]; e < docStart[doc + 1]; e++)
        {
            closest = Math.Max(closest, entryScores[e]);
        }

        return closest;
    }

    /// <summary>Zeroes the entry scores of <paramref name="doc"/> (scratch arrays are reused).</summary>
    public void Clear(int doc, double[] entryScores) =>
        Array.Clear(entryScores, docStart[doc], docStart[doc + 1] - docStart[doc]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int feature, int posting, double queryWeight, double[] entryScores)
    {
        var at = postingStart[feature] + posting;
        var end = offsets[at + 1];
        for (var k = offsets[at]; k < end; k++)
        {
            entryScores[entries[k]] += queryWeight * weights[k];
        }
    }
}

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

    private readonly int[] docStart;
    private readonly int[][] offsets;
    private readonly int[][] entries;
    private readonly float[][] weights;

    private EntryPostings(int[] docStart, int[][] offsets, int[][] entries, float[][] weights)
    {
        this.docStart = docStart;
        this.offsets = offsets;
        this.entries = entries;
        this.weights = weights;
    }

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

        var offsets = new int[postingDocs.Length][];
        var entries = new int[postingDocs.Length][];
        var weights = new float[postingDocs.Length][];
        for (var f = 0; f < postingDocs.Length; f++)
        {
            var list = perFeature[f] ?? [];
            var docs = postingDocs[f];
            offsets[f] = new int[docs.Length + 1];
            entries[f] = [.. list.Select(x => x.Entry)];
            weights[f] = [.. list.Select(x => x.Weight)];
            var k = 0;
            for (var i = 0; i < docs.Length; i++)
            {
                while (k < list.Count && list[k].Doc == docs[i])
                {
                    k++;
                }

                offsets[f][i + 1] = k;
            }
        }

        return new EntryPostings(docStart, offsets, entries, weights);
    }

    /// <summary>
    /// Adds, for every query feature, its weight times the entry weight to <paramref name="entryScores"/> for the
    /// entries of the documents marked in <paramref name="selected"/> (listed in <paramref name="selectedDocs"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(
        ReadOnlySpan<int> queryIds, ReadOnlySpan<double> queryWeights, int[][] postingDocs,
        bool[] selected, List<int> selectedDocs, double[] entryScores)
    {
        for (var q = 0; q < queryIds.Length; q++)
        {
            var feature = queryIds[q];
            var docs = postingDocs[feature];
            if (docs.Length <= ScanFactor * selectedDocs.Count)
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
        var ids = entries[feature];
        var w = weights[feature];
        for (var k = offsets[feature][posting]; k < offsets[feature][posting + 1]; k++)
        {
            entryScores[ids[k]] += queryWeight * w[k];
        }
    }
}

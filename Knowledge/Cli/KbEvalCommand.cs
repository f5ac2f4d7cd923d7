using System.Globalization;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Cli;

/// <summary>
/// <c>kb eval FILE|DIR</c>: runs a .jsonl evaluation set (or a directory of .jsonl parts) and prints top-1 accuracy,
/// top-3 recall, language identification, out-of-scope rejection (and the share answered confidently) and handoff
/// recall per language and overall. Exit code 0 when the set was read, 1 when it is empty or unreadable.
/// </summary>
public static class KbEvalCommand
{
    /// <summary>Evaluates <paramref name="path"/>; with <paramref name="verbose"/> also lists every miss.</summary>
    public static async Task<int> RunAsync(
        string path, TextWriter stdout, KnowledgeEngine engine, bool verbose = false, CancellationToken cancellationToken = default, MiniSearchPeer? peer = null)
    {
        var (items, errors) = EvalSet.Load(path);
        foreach (var error in errors)
        {
            await stdout.WriteLineAsync($"error: {error}".AsMemory(), cancellationToken);
        }

        if (items.Count == 0)
        {
            await stdout.WriteLineAsync($"kb eval: no evaluation items in {path}".AsMemory(), cancellationToken);
            return 1;
        }

        var report = KnowledgeEvaluator.Evaluate(engine, items);
        if (verbose)
        {
            foreach (var miss in report.Misses)
            {
                await stdout.WriteLineAsync(miss.AsMemory(), cancellationToken);
            }
        }

        foreach (var line in Format(report))
        {
            await stdout.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        if (peer is not null)
        {
            var topical = items.Where(i => i.Topic is not null).ToList();
            var predicted = await peer.PredictAsync(engine.Catalog, [.. topical.Select(i => i.Text)], cancellationToken);
            var peerRight = topical.Select((item, i) => (item.Language, Right: predicted[i] == item.Topic)).ToList();
            foreach (var line in FormatPeer(report, peerRight))
            {
                await stdout.WriteLineAsync(line.AsMemory(), cancellationToken);
            }
        }

        await stdout.FlushAsync(cancellationToken);
        return errors.Count == 0 ? 0 : 1;
    }

    /// <summary>The report as a fixed-width table.</summary>
    public static IEnumerable<string> Format(EvalReport report)
    {
        yield return "language  questions  top-1   top-3   lang-id  oos  oos-rejected  oos-answered  handoff  handoff-recall";
        foreach (var language in report.Languages)
        {
            yield return Row(language, report.PerLanguage[language]);
        }

        yield return Row("overall", report.Overall);
    }

    /// <summary>Ours and the BM25 peer side by side on the same topic questions, per language; lead in points.</summary>
    public static IEnumerable<string> FormatPeer(EvalReport report, IReadOnlyList<(string Language, bool Right)> peer)
    {
        yield return string.Empty;
        yield return "peer: npm minisearch (BM25, fuzzy 0.2, prefix, diacritics folded) over the same content, same topic questions";
        yield return "language  questions  ours-top-1  peer-top-1    lead";
        foreach (var language in report.Languages)
        {
            var rows = peer.Where(p => p.Language == language).ToList();
            yield return PeerRow(language, report.PerLanguage[language].Top1Accuracy, rows);
        }

        yield return PeerRow("overall", report.Overall.Top1Accuracy, peer);
    }

    private static string PeerRow(string name, double ours, IReadOnlyList<(string Language, bool Right)> rows)
    {
        var theirs = rows.Count == 0 ? double.NaN : (double)rows.Count(r => r.Right) / rows.Count;
        var lead = (ours - theirs) * 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-9} {rows.Count,9}  {Percent(ours),10}  {Percent(theirs),10}  {(double.IsNaN(lead) ? "-" : lead.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)),6}");
    }

    private static string Row(string name, EvalScore score) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-9} {score.Topical,9}  {Percent(score.Top1Accuracy),6}  {Percent(score.Top3Recall),6}  {Percent(score.LanguageAccuracy),7}  {score.OutOfScope,3}  {Percent(score.OutOfScopeRejection),12}  {Percent(score.OutOfScopeConfidentRate),12}  {score.Handoffs,7}  {Percent(score.HandoffRecall),14}");

    private static string Percent(double rate) =>
        double.IsNaN(rate) ? "-" : (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Knowledge.Tests.Evaluation;

/// <summary>
/// Issue 16: a plain BM25 peer (npm minisearch, fuzzy, prefix, diacritics folded) over the same content, side by side
/// in kb eval; ours must lead it in every language on both evaluation sets. Needs Node and <c>npm ci</c> in
/// Knowledge/eval/peer (done by .ci/run).
/// </summary>
public sealed class MiniSearchPeerTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    private static MiniSearchPeer Peer() =>
        MiniSearchPeer.Locate() ?? throw new InvalidOperationException("the minisearch peer is not installed: run npm ci in Knowledge/eval/peer");

    [Theory]
    [InlineData("parts")]
    [InlineData("holdout")]
    public async Task We_lead_the_bm25_peer_in_every_language(string set)
    {
        var (items, _) = EvalSet.Load(RepositoryRoot.Combine("Knowledge", "eval", set));
        var topical = items.Where(i => i.Topic is not null).ToList();
        var predicted = await Peer().PredictAsync(Engine.Catalog, [.. topical.Select(i => i.Text)], TestContext.Current.CancellationToken);
        var report = KnowledgeEvaluator.Evaluate(Engine, items);

        foreach (var language in report.Languages)
        {
            var rows = topical.Select((item, i) => (item, predicted[i])).Where(r => r.item.Language == language).ToList();
            var peer = (double)rows.Count(r => r.Item2 == r.item.Topic) / rows.Count;
            Assert.True(report.PerLanguage[language].Top1Accuracy > peer,
                $"{set}/{language}: ours {report.PerLanguage[language].Top1Accuracy:P1} does not lead the BM25 peer's {peer:P1}");
        }

        // The peer is a real competitor, not a broken baseline: it answers most questions right.
        Assert.True(topical.Select((item, i) => predicted[i] == item.Topic).Count(r => r) > topical.Count * 0.7);
    }

    [Fact]
    public async Task Kb_eval_prints_the_peer_side_by_side_per_language()
    {
        await using var stdout = new StringWriter();
        var exit = await KbEvalCommand.RunAsync(RepositoryRoot.Combine("Knowledge", "eval", "holdout"), stdout, Engine, cancellationToken: TestContext.Current.CancellationToken, peer: Peer());

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Array.FindIndex(lines, l => l.StartsWith("language  questions  ours-top-1  peer-top-1", StringComparison.Ordinal));
        Assert.True(header > 0, stdout.ToString());
        Assert.Equal(["sl", "en", "sq", "hbs", "ar", "overall"], lines.Skip(header + 1).Take(6).Select(l => l.Split(' ')[0]));
    }
}

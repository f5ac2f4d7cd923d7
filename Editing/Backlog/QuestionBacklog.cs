using System.Security.Cryptography;
using System.Text;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Editing.Backlog;

/// <summary>
/// The dashboard's unanswered questions and 👎 feedback as a work list: grouped by language and by similar words
/// (typing with or without diacritics, word order and small extra words do not split a group), minus dismissed ones.
/// </summary>
public sealed class QuestionBacklog(IUnansweredQuestionLog log, IBacklogDismissals dismissals, KnowledgeEngine engine)
{
    /// <summary>How many recent entries are grouped (the log keeps them for the retention period).</summary>
    public const int Window = 1000;

    private const double SameGroup = 0.5;

    public async Task<IReadOnlyList<BacklogGroup>> GroupsAsync(CancellationToken cancellationToken) =>
        [.. (await ClustersAsync(cancellationToken)).Select(c => c.Group)];

    /// <summary>Hides every question of the group <paramref name="key"/>; false when there is no such group.</summary>
    public async Task<bool> DismissAsync(string key, CancellationToken cancellationToken)
    {
        var cluster = (await ClustersAsync(cancellationToken)).FirstOrDefault(c => c.Group.Key == key);
        if (cluster is null)
        {
            return false;
        }

        await dismissals.DismissAsync(cluster.Hashes, cancellationToken);
        return true;
    }

    /// <summary>The group with <paramref name="key"/>, or null.</summary>
    public async Task<BacklogGroup?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await ClustersAsync(cancellationToken)).FirstOrDefault(c => c.Group.Key == key)?.Group;

    private async Task<List<Cluster>> ClustersAsync(CancellationToken cancellationToken)
    {
        var dismissed = await dismissals.AllAsync(cancellationToken);
        var clusters = new List<Cluster>();
        foreach (var question in (await log.RecentAsync(Window, cancellationToken)).OrderBy(q => q.At))
        {
            var words = Tokenizer.Tokenize(question.Text).Where(t => t.Length > 1).ToHashSet(StringComparer.Ordinal);
            if (words.Count == 0)
            {
                continue;
            }

            var hash = Hash(question.Language, words);
            if (dismissed.Contains(hash))
            {
                continue;
            }

            var cluster = clusters.FirstOrDefault(c => c.Language == question.Language && Similarity(c.Words, words) >= SameGroup);
            if (cluster is null)
            {
                clusters.Add(cluster = new Cluster(question.Language, words, hash));
            }

            cluster.Add(question, hash);
        }

        foreach (var cluster in clusters)
        {
            cluster.Group = cluster.ToGroup(engine);
        }

        return [.. clusters.OrderByDescending(c => c.Group.Count).ThenByDescending(c => c.Group.LastAt)];
    }

    private static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        (double)a.Count(b.Contains) / a.Union(b).Count();

    // A hash of the sorted words, so a dismissal is remembered without keeping the person's words.
    private static string Hash(string language, IEnumerable<string> words) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(language + "|" + string.Join(' ', words.Order(StringComparer.Ordinal)))))[..32];

    private sealed class Cluster(string language, IReadOnlySet<string> words, string key)
    {
        private readonly List<UnansweredQuestion> _questions = [];

        public string Language { get; } = language;

        public IReadOnlySet<string> Words { get; } = words;

        public HashSet<string> Hashes { get; } = new(StringComparer.Ordinal);

        public BacklogGroup Group { get; set; } = null!;

        public void Add(UnansweredQuestion question, string hash)
        {
            _questions.Add(question);
            Hashes.Add(hash);
        }

        public BacklogGroup ToGroup(KnowledgeEngine engine)
        {
            var texts = _questions.Select(q => q.Text.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var topic = _questions.Select(q => q.Topic).LastOrDefault(t => t is not null)
                ?? engine.Ask(texts[0], forcedLanguage: Language).Candidates.FirstOrDefault()?.Topic;
            return new BacklogGroup(
                key,
                Language,
                _questions.Count,
                _questions.Count(q => q.Kind == UnansweredKind.NoMatch),
                _questions.Count(q => q.Kind == UnansweredKind.NegativeFeedback),
                topic,
                texts,
                _questions.Max(q => q.At));
        }
    }
}

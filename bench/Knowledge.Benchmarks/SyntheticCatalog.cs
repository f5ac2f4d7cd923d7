using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>
/// A large made-up knowledge base for the speed benchmark: the shipped topics plus generated ones whose questions
/// mix the shipped vocabulary with pseudo-words, so posting lists are as long as a real big KB would make them.
/// </summary>
public static class SyntheticCatalog
{
    public static TopicCatalog Create(int topicCount, int seed)
    {
        var shipped = TopicCatalog.LoadDefault();
        var random = new Random(seed);
        var vocabulary = Language.All.ToDictionary(
            l => l,
            l => shipped.Topics.SelectMany(t => t.Questions.GetValueOrDefault(l) ?? [])
                .SelectMany(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray());
        var topics = new List<Topic>(shipped.Topics);
        for (var i = topics.Count; i < topicCount; i++)
        {
            var id = $"synthetic-{i}";
            var questions = Language.All.ToDictionary(
                l => l,
                l => (IReadOnlyList<string>)[.. Enumerable.Range(0, 10).Select(_ => Sentence(random, vocabulary[l]))]);
            var keywords = Language.All.ToDictionary(l => l, l => (IReadOnlyList<string>)[PseudoWord(random), PseudoWord(random)]);
            var titles = Language.All.ToDictionary(l => l, _ => PseudoWord(random) + " " + PseudoWord(random));
            topics.Add(new Topic(id, "office", [], [], new DateOnly(2026, 1, 1), ["https://example.org"], titles, titles,
                new Dictionary<string, string>(), questions, keywords, $"topics/{id}.yaml"));
        }

        return new TopicCatalog(topics, shipped.Intents);
    }

    private static string Sentence(Random random, string[] words)
    {
        var length = random.Next(3, 9);
        var parts = new List<string>(length);
        for (var k = 0; k < length; k++)
        {
            parts.Add(words.Length > 0 && random.Next(3) > 0 ? words[random.Next(words.Length)] : PseudoWord(random));
        }

        return string.Join(' ', parts);
    }

    private static string PseudoWord(Random random)
    {
        const string consonants = "bcdfghjklmnprstvz";
        const string vowels = "aeiou";
        var length = random.Next(2, 5);
        var chars = new char[length * 2];
        for (var k = 0; k < length; k++)
        {
            chars[2 * k] = consonants[random.Next(consonants.Length)];
            chars[(2 * k) + 1] = vowels[random.Next(vowels.Length)];
        }

        return new string(chars);
    }
}

using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Per document that services ask for (a topic flagged <c>prerequisite</c>: the identity card), the topics whose own
/// sample questions name it by one of its keywords ("a duhet leternjoftim per karten sim": the SIM card). A question
/// that names the document together with such a topic is that topic's ("do I need an ID card for a SIM card"); which
/// topics count is said by their content, so an editor adds one by writing such a sample.
/// </summary>
internal sealed class PrerequisiteServices
{
    private readonly Dictionary<string, HashSet<string>> servicesByDocument;
    private readonly Dictionary<string, string[][]> namesByDocument;

    private PrerequisiteServices(Dictionary<string, HashSet<string>> servicesByDocument, Dictionary<string, string[][]> namesByDocument)
    {
        this.servicesByDocument = servicesByDocument;
        this.namesByDocument = namesByDocument;
    }

    public static PrerequisiteServices Build(IReadOnlyList<Topic> topics)
    {
        var servicesByDocument = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var namesByDocument = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        foreach (var document in topics.Where(t => t.IsPrerequisite))
        {
            var names = document.Keywords.Values.SelectMany(k => k).Select(k => Terms(k).ToArray()).Where(n => n.Length > 0).ToArray();
            namesByDocument[document.Id] = names;
            servicesByDocument[document.Id] = topics
                .Where(t => t.Id != document.Id && t.Questions.Values.SelectMany(q => q).Any(q => Find(Terms(q), names).Length > 0))
                .Select(t => t.Id)
                .ToHashSet(StringComparer.Ordinal);
        }

        return new PrerequisiteServices(servicesByDocument, namesByDocument);
    }

    /// <summary>Whether <paramref name="service"/>'s samples ask about <paramref name="document"/>.</summary>
    public bool AskFor(string document, string service) =>
        servicesByDocument.TryGetValue(document, out var services) && services.Contains(service);

    /// <summary>
    /// <paramref name="terms"/> without the words that name <paramref name="document"/>: what else the question names. In
    /// "licna karta" the card is the identity card's, not the SIM card's "kartica".
    /// </summary>
    public List<string> Besides(string document, IReadOnlyList<string> terms)
    {
        var naming = Find(terms, namesByDocument.GetValueOrDefault(document) ?? []);
        return naming.Length == 0 ? [.. terms] : [.. terms.Where((_, at) => !naming[at])];
    }

    // Per word of terms, whether it is part of one of the names, word for word; empty when no name is in terms.
    private static bool[] Find(IReadOnlyList<string> terms, string[][] names)
    {
        bool[]? naming = null;
        foreach (var name in names)
        {
            for (var start = 0; start + name.Length <= terms.Count; start++)
            {
                if (name.Select((word, i) => terms[start + i] == word).All(match => match))
                {
                    naming ??= new bool[terms.Count];
                    Array.Fill(naming, true, start, name.Length);
                }
            }
        }

        return naming ?? [];
    }

    private static List<string> Terms(string text) => TextFeatures.Terms(TextNormalizer.Fold(text));
}

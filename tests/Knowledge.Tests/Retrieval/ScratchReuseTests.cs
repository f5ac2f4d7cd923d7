using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Searching reuses pooled scratch arrays (scores, query features, entry scores, unknown-feature slots). A leftover
/// value from one question, or two threads sharing an array, would change another question's scores: these tests
/// compare every result with the one the same question got alone.
/// </summary>
public sealed class ScratchReuseTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    private static readonly string[] Questions =
    [
        "kje lahko odprem bancni racun",
        "i just moved into a flat in postojna, do i have to tell the authorities where i live?",
        "si mund te gjej pune ne postojne",
        "gdje da upišem dijete u vrtić",
        "كيف احصل على الرقم الضريبي",
        "Како да отворим рачун у банци",
        "preschool",
        "who won the football match last night between zxqvw and plorkt",
        "I want to talk to a real person",
        "the flat is on fire, which number do i call",
        "quantumchromodynamics photosynthesis xylophone juxtaposition",
        string.Concat(Enumerable.Repeat("abcdefghij", 40)) + " bank account",
    ];

    [Fact]
    public void A_question_gets_the_same_result_after_any_other_question()
    {
        var alone = Questions.Select(q => Describe(Engine.Ask(q))).ToList();
        for (var round = 0; round < 3; round++)
        {
            foreach (var i in Enumerable.Range(0, Questions.Length).Reverse())
            {
                Assert.Equal(alone[i], Describe(Engine.Ask(Questions[i])));
            }
        }
    }

    [Fact]
    public async Task Questions_asked_from_several_threads_at_once_get_the_same_results()
    {
        var alone = Questions.Select(q => Describe(Engine.Ask(q))).ToList();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var mismatches = new List<string>();
            for (var n = 0; n < 200; n++)
            {
                var i = (n + (w * 5)) % Questions.Length;
                var result = Describe(Engine.Ask(Questions[i]));
                if (result != alone[i])
                {
                    mismatches.Add($"{Questions[i]}: {result} instead of {alone[i]}");
                }
            }

            return mismatches;
        }, TestContext.Current.CancellationToken));

        var all = (await Task.WhenAll(workers)).SelectMany(m => m).ToList();
        Assert.Empty(all);
    }

    // Feature text is built in a stack buffer for ordinary words and on the heap for longer ones; the unknown
    // 300-letter word only lengthens the query vector, so the other words still decide the ranking.
    [Fact]
    public void A_word_longer_than_the_stack_buffers_leaves_the_ranking_to_the_other_words()
    {
        var result = Engine.Ask(new string('q', 300) + " bank account");
        Assert.Equal("bank-account", result.Candidates[0].Topic);
    }

    private static string Describe(KnowledgeResult result) =>
        $"{result.Decision} {result.Language} {result.LanguageConfidence} {result.Topic} " +
        string.Join(", ", result.Candidates.Select(c => $"{c.Topic}={c.Score}"));
}

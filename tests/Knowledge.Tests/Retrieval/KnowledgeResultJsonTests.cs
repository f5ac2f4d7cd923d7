using System.Text.Json;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>The JSON line <c>ask</c> prints for each question (the command itself: tests/Bot.Tests/Cli/AskCommandTests).</summary>
public sealed class KnowledgeResultJsonTests : IDisposable
{
    private static readonly string[] Fields = ["text", "language", "languageConfidence", "decision", "topic", "score", "candidates"];
    private readonly ContentFixture fixture = new();
    private readonly KnowledgeEngine engine;

    public KnowledgeResultJsonTests() => engine = new KnowledgeEngine(fixture.Load());

    [Fact]
    public void Writes_one_json_object_per_line_in_input_order_with_the_contract_fields()
    {
        var lines = Run("how do I open a bank account\nkje je zdravstveni dom\nI want a real person\n");

        Assert.Equal(3, lines.Count);
        Assert.All(lines, json => Assert.Equal(Fields, json.RootElement.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("how do I open a bank account", lines[0].RootElement.GetProperty("text").GetString());
        Assert.Equal("bank-account", lines[0].RootElement.GetProperty("topic").GetString());
        Assert.Equal("en", lines[0].RootElement.GetProperty("language").GetString());
        Assert.Equal("doctor", lines[1].RootElement.GetProperty("topic").GetString());
        Assert.Equal("handoff", lines[2].RootElement.GetProperty("decision").GetString());
        var candidates = lines[0].RootElement.GetProperty("candidates");
        Assert.InRange(candidates.GetArrayLength(), 1, 5);
        Assert.Equal("bank-account", candidates[0].GetProperty("topic").GetString());
        Assert.Equal(candidates[0].GetProperty("score").GetDouble(), lines[0].RootElement.GetProperty("score").GetDouble());
        Assert.InRange(lines[0].RootElement.GetProperty("languageConfidence").GetDouble(), 0, 1);
    }

    [Fact]
    public void A_forced_language_is_written_with_full_confidence()
    {
        var line = Assert.Single(Run("bank account\n", forcedLang: "sq"));
        Assert.Equal("sq", line.RootElement.GetProperty("language").GetString());
        Assert.Equal(1.0, line.RootElement.GetProperty("languageConfidence").GetDouble());
    }

    [Fact]
    public void Bad_input_gives_a_valid_json_line_with_decision_none()
    {
        var binary = new string([.. Enumerable.Range(1, 300).Select(i => (char)((i * 7919) % 0xD7FF)).Where(c => c != '\n' && c != '\r')]);
        var input = string.Join('\n', "", new string('x', 100_000), "\uD83D", "😀😀😀", "\u0001\u0002\u0003") + "\n";

        var lines = Run(input);

        Assert.Equal(5, lines.Count);
        Assert.All(lines, json => Assert.Equal("none", json.RootElement.GetProperty("decision").GetString()));
        Assert.Equal("\uFFFD", lines[2].RootElement.GetProperty("text").GetString());
        Assert.Single(Run(binary + "\n"));
    }

    [Fact]
    public void Null_topic_is_written_as_json_null()
    {
        var line = Assert.Single(Run("🙂\n"));
        Assert.Equal(JsonValueKind.Null, line.RootElement.GetProperty("topic").ValueKind);
        Assert.Equal(0, line.RootElement.GetProperty("candidates").GetArrayLength());
    }

    /// <summary>Each input line asked and written as <c>ask</c> does; each output must be one line of JSON.</summary>
    private List<JsonDocument> Run(string input, string? forcedLang = null)
    {
        var lines = input.Split('\n')[..^1].Select(line => KnowledgeResultJson.ToJson(engine.Ask(line, forcedLang, null))).ToList();
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        return [.. lines.Select(l => JsonDocument.Parse(l))];
    }

    public void Dispose() => fixture.Dispose();
}

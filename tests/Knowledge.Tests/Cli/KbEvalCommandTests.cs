using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Cli;

public sealed class KbEvalCommandTests : IDisposable
{
    private readonly ContentFixture fixture = new();
    private readonly string evalDirectory = Path.Combine(Path.GetTempPath(), "kb-eval-" + Guid.NewGuid().ToString("N"));

    public KbEvalCommandTests() => Directory.CreateDirectory(evalDirectory);

    [Fact]
    public async Task Prints_accuracy_language_id_out_of_scope_and_handoff_per_language_and_overall()
    {
        var file = Write("set.jsonl",
            """{"text": "how to open a bank acount", "language": "en", "topic": "bank-account"}""",
            """{"text": "kje dobim zdravnika", "language": "sl", "topic": "doctor"}""",
            """{"text": "kje dobim zdravnika za otroka", "language": "sl", "topic": "bank-account"}""",
            """{"text": "who won the football match yesterday", "language": "en", "topic": null, "kind": "out-of-scope"}""",
            """{"text": "I want a real person", "language": "en", "topic": null, "kind": "handoff"}""");

        var (exit, output) = await Run(file);

        Assert.Equal(0, exit);
        Assert.StartsWith("language", output[0], StringComparison.Ordinal);
        var sl = output.Single(l => l.StartsWith("sl ", StringComparison.Ordinal));
        Assert.Matches(@"^sl\s+2\s+50\.0%\s+\d+\.0%\s+100\.0%\s+0\s+-\s+-\s+0\s+-$", sl);
        var en = output.Single(l => l.StartsWith("en ", StringComparison.Ordinal));
        Assert.Matches(@"^en\s+1\s+100\.0%\s+100\.0%\s+100\.0%\s+1\s+100\.0%\s+0\.0%\s+1\s+100\.0%$", en);
        Assert.Matches(@"^overall\s+3\s+66\.7%", output[^1]);
    }

    [Fact]
    public async Task A_directory_of_parts_is_read_as_one_set()
    {
        Write("bank-account.jsonl", """{"text": "bank account please", "language": "en", "topic": "bank-account"}""");
        Write("_handoff.jsonl", """{"text": "counselor please", "language": "en", "topic": null, "kind": "handoff"}""");

        var (exit, output) = await Run(evalDirectory);

        Assert.Equal(0, exit);
        Assert.Matches(@"^overall\s+1\s+100\.0%.*\s1\s+100\.0%$", output[^1]);
    }

    [Fact]
    public async Task Unreadable_lines_are_reported_and_fail_the_run()
    {
        var file = Write("broken.jsonl", """{"text": "bank account", "language": "en", "topic": "bank-account"}""", "{not json");
        var (exit, output) = await Run(file);
        Assert.Equal(1, exit);
        Assert.Contains(output, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(":2:", StringComparison.Ordinal));
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(evalDirectory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int Exit, string[] Output)> Run(string path)
    {
        await using var stdout = new StringWriter();
        var exit = await KbEvalCommand.RunAsync(path, stdout, new KnowledgeEngine(fixture.Load()), cancellationToken: TestContext.Current.CancellationToken);
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        fixture.Dispose();
        Directory.Delete(evalDirectory, recursive: true);
    }
}

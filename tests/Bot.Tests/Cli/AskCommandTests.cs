using System.Text.Json;
using IntegrationBot.Bot.Cli;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary><c>ask [--lang CODE]</c> as the README documents it: one JSON line per question line, in order.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task Each_question_line_gets_one_json_line_in_the_same_order()
    {
        var (exit, output, error) = await AskAsync("how do I open a bank account\nI want a real person\n");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(["text", "language", "languageConfidence", "decision", "topic", "score", "candidates"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("bank-account", lines[0].GetProperty("topic").GetString());
        Assert.Equal("handoff", lines[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Lang_option_forces_the_language_and_an_unknown_one_is_a_usage_error()
    {
        var forced = await AskAsync("bank account\n", "--lang", "sq");
        var unknown = await AskAsync("bank account\n", "--lang", "xx");

        Assert.Equal("sq", JsonDocument.Parse(forced.Output).RootElement.GetProperty("language").GetString());
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("usage: ask", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, unknown.Output);
    }

    public void Dispose() => _directory.Dispose();

    private Task<(int ExitCode, string Output, string Error)> AskAsync(string input, params string[] args) =>
        CliRun.RunAsync(_directory.Path, input, ["ask", .. args]);
}

using IntegrationBot.Bot.Cli;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Cli;

public sealed class ChatCommandTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    private Task<(int ExitCode, string Output, string Error)> ChatAsync(string input, params string[] extraArgs) =>
        CliRun.RunAsync(_directory.Path, input, ["chat", .. extraArgs]);

    [Fact]
    public async Task Picking_shqip_accepting_privacy_and_asking_about_a_bank_account_answers_in_albanian()
    {
        var result = await ChatAsync("3\n1\nsi te hap nje llogari bankare\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("  [3] Shqip", result.Output);
        Assert.Contains("Para se të fillojmë", result.Output);
        Assert.Contains("  [1] Pranoj", result.Output);
        Assert.Contains("Faleminderit. Më pyesni çfarëdo", result.Output);
        Assert.Contains("Llogarinë bankare e hapni personalisht në një degë të bankës", result.Output);
        Assert.Contains("A ju ndihmoi kjo?", result.Output);
    }

    [Fact]
    public async Task Second_run_remembers_the_language_and_privacy_choice()
    {
        var first = await ChatAsync("3\n1\n");
        var second = await ChatAsync("si te hap nje llogari bankare\n");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Pozdravljeni!", first.Output);
        Assert.Equal(0, second.ExitCode);
        // Opening the chat again greets the person back in their language (no language question, no privacy notice),
        // then answers.
        Assert.DoesNotContain("Pozdravljeni!", second.Output);
        Assert.StartsWith("Përshëndetje!", second.Output);
        Assert.Contains("Llogarinë bankare", second.Output);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "integrationbot.db")));
    }

    [Fact]
    public async Task Another_user_has_their_own_conversation()
    {
        await ChatAsync("3\n1\n");
        var other = await ChatAsync("", "--user", "Ana");
        Assert.StartsWith("Pozdravljeni!", other.Output);
    }

    [Fact]
    public async Task Empty_and_odd_lines_do_not_crash_the_chat()
    {
        var result = await ChatAsync("\n   \n\t\n{\"json\":\n\u0000\u0007 \u202e مرحبا\nЕнглиш\n😀\n" + new string('x', 20000) + "\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4096", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Corrupt_database_gives_one_clear_error_line_naming_the_file()
    {
        var bytes = new byte[8192];
        new Random(3).NextBytes(bytes);
        await File.WriteAllBytesAsync(Path.Combine(_directory.Path, "integrationbot.db"), bytes, TestContext.Current.CancellationToken);

        var result = await ChatAsync("hello\n");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(Path.Combine(_directory.Path, "integrationbot.db"), result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Unknown_option_prints_usage_and_fails()
    {
        var result = await ChatAsync("hello\n", "--colour");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("chat [--user NAME]", result.Error);
    }

    public void Dispose() => _directory.Dispose();
}

using IntegrationBot.Knowledge.Cli;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Knowledge.Tests.Cli;

public sealed class KbCheckCommandTests : IDisposable
{
    private readonly ContentFixture fixture = new();

    [Fact]
    public async Task Valid_content_exits_zero()
    {
        var (exit, output) = await Run();
        Assert.Equal(0, exit);
        Assert.Equal("kb check: OK, 25 topics", Assert.Single(output));
    }

    [Fact]
    public async Task Each_problem_is_one_precise_line_and_the_exit_code_is_one()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("  hbs: \"doctor hbs\"\n", string.Empty, StringComparison.Ordinal));
        File.Delete(Path.Combine(fixture.TopicsDirectory, "housing.yaml"));

        var (exit, output) = await Run();

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                "topics/housing.yaml: topic=housing: required topic is missing",
                "topics/doctor.yaml: topic=doctor lang=hbs field=title: missing",
                "kb check: 2 problem(s) in 24 topics",
            ],
            output);
    }

    [Fact]
    public async Task A_review_older_than_180_days_is_a_warning_and_still_exits_zero()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("  ar: {on: 2026-11-01", "  ar: {on: 2026-01-15", StringComparison.Ordinal));

        var (exit, output) = await Run();

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "warning: topics/doctor.yaml: topic=doctor lang=ar field=reviewed: reviewed 2026-01-15 by Test Reviewer, 312 days ago (older than 180 days)",
                "kb check: OK, 25 topics",
            ],
            output);
    }

    [Fact]
    public async Task Shipped_content_passes_the_command()
    {
        await using var stdout = new StringWriter();
        var exit = await KbCheckCommand.RunAsync(IntegrationBot.Knowledge.Content.TopicCatalog.DefaultDirectory, stdout, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(exit == 0, stdout.ToString());
    }

    private async Task<(int Exit, string[] Output)> Run()
    {
        await using var stdout = new StringWriter();
        var exit = await KbCheckCommand.RunAsync(fixture.Directory, stdout, Today, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => fixture.Dispose();

    // kb check's "today" for these tests, so stale-review warnings do not depend on the real date.
    private static readonly TimeProvider Today = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
}

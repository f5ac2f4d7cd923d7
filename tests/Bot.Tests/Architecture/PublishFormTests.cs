using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Architecture;

/// <summary>
/// The host a server runs is published for a runtime identifier (README "Deploy") and then ships ReadyToRun code, which
/// took ~15 % off a fresh host's turns (docs/benchmarks.md, issue 19); the turn bench publishes the same way so it can
/// measure that form. A plain build (no runtime identifier: `dotnet build`, `dotnet run`, the tests, CI) stays JIT-only.
/// Read from MSBuild's own evaluation of the projects, so a condition that stops matching fails here.
/// </summary>
public sealed class PublishFormTests
{
    [Theory]
    [InlineData("Bot/Bot.csproj")]
    [InlineData("bench/Turn.Benchmarks/Turn.Benchmarks.csproj")]
    public async Task A_publish_for_a_runtime_ships_ReadyToRun_code_and_a_plain_build_does_not(string project)
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var published = await PropertyAsync(project, "PublishReadyToRun", ["-p:RuntimeIdentifier=linux-x64"], cancellationToken);
        var plain = await PropertyAsync(project, "PublishReadyToRun", [], cancellationToken);

        Assert.Equal("true", published, ignoreCase: true);
        Assert.NotEqual("true", plain, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<string> PropertyAsync(string project, string property, string[] arguments, CancellationToken cancellationToken)
    {
        var (exitCode, stdout, stderr) = await DotnetCommand.RunAsync(
            ["msbuild", RepositoryRoot.Combine(project), $"-getProperty:{property}", .. arguments], cancellationToken);
        Assert.True(exitCode == 0, $"dotnet msbuild {project} failed: {stderr}{stdout}");
        return stdout.Trim();
    }
}

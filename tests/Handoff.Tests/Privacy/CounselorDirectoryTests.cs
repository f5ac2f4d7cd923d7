using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Privacy;

public sealed class CounselorDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Password_is_stored_only_as_a_salted_hash()
    {
        using var world = new HandoffWorld();
        var a = await world.Directory.AddAsync("A", ["en"], "same password", false, Ct);
        var b = await world.Directory.AddAsync("B", ["en"], "same password", false, Ct);

        Assert.DoesNotContain("same password", a.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(a.PasswordHash, b.PasswordHash);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes()
    {
        using var world = new HandoffWorld();
        await world.Directory.AddAsync("Maja", ["sl"], "right password", false, Ct);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await world.Directory.LoginAsync("Maja", "wrong", Ct)).Status);
        }

        Assert.Equal(LoginStatus.LockedOut, (await world.Directory.LoginAsync("Maja", "wrong", Ct)).Status);
        Assert.Equal(LoginStatus.LockedOut, (await world.Directory.LoginAsync("Maja", "right password", Ct)).Status);
        world.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(LoginStatus.LockedOut, (await world.Directory.LoginAsync("Maja", "right password", Ct)).Status);
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(LoginStatus.Succeeded, (await world.Directory.LoginAsync("Maja", "right password", Ct)).Status);
    }

    [Fact]
    public async Task Cli_command_reads_the_password_from_standard_input()
    {
        using var world = new HandoffWorld();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CounselorAddCommand.RunAsync(["add", "Amira", "--languages", "ar,en", "--admin"], new StringReader("s3cret-pass\n"), output, error, world.Directory, Ct);

        Assert.Equal(0, code);
        var amira = await world.Directory.FindAsync("amira", Ct);
        Assert.Equal(["ar", "en"], amira!.Languages);
        Assert.True(amira.IsAdmin);
        Assert.Equal(LoginStatus.Succeeded, (await world.Directory.LoginAsync("Amira", "s3cret-pass", Ct)).Status);
        Assert.DoesNotContain("s3cret", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add Amira")]
    [InlineData("add Amira --languages de")]
    [InlineData("remove Amira --languages ar")]
    public async Task Cli_command_rejects_bad_arguments(string args)
    {
        using var world = new HandoffWorld();
        var code = await CounselorAddCommand.RunAsync(args.Split(' '), new StringReader("s3cret-pass\n"), TextWriter.Null, TextWriter.Null, world.Directory, Ct);
        Assert.NotEqual(0, code);
        Assert.Null(await world.Directory.FindAsync("Amira", Ct));
    }
}

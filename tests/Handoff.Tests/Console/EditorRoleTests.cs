using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary><c>counselor add … --editor</c>: the editor role, for the languages given, and only when asked for.</summary>
public sealed class EditorRoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_flag_makes_an_editor_of_the_given_languages()
    {
        using var world = new HandoffWorld();
        var output = new StringWriter();

        var code = await CounselorAddCommand.RunAsync(["add", "Arben", "--languages", "sq", "--editor"], new StringReader("s3cret-pass\n"), output, TextWriter.Null, world.Directory, Ct);

        Assert.Equal(0, code);
        var arben = await world.Directory.FindAsync("arben", Ct);
        Assert.True(arben!.IsEditor);
        Assert.False(arben.IsAdmin);
        Assert.Equal(["sq"], arben.Languages);
        Assert.Contains("editor", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_flag_a_counselor_is_not_an_editor_but_an_admin_may_edit()
    {
        using var world = new HandoffWorld();
        await CounselorAddCommand.RunAsync(["add", "Ana", "--languages", "sl"], new StringReader("s3cret-pass\n"), TextWriter.Null, TextWriter.Null, world.Directory, Ct);
        await CounselorAddCommand.RunAsync(["add", "Amira", "--languages", "ar", "--admin"], new StringReader("s3cret-pass\n"), TextWriter.Null, TextWriter.Null, world.Directory, Ct);

        Assert.False((await world.Directory.FindAsync("Ana", Ct))!.CanEditKnowledge);
        Assert.True((await world.Directory.FindAsync("Amira", Ct))!.CanEditKnowledge);
    }
}

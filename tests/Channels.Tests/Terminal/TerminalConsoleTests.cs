using IntegrationBot.Channels.Terminal;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.Terminal;

public sealed class TerminalConsoleTests
{
    private static (TerminalConsole Console, StringWriter Output) Shown()
    {
        var output = new StringWriter();
        var console = new TerminalConsole(output);
        console.Print(new Activity
        {
            Text = "Izberite jezik",
            SuggestedActions = new SuggestedActions([CardAction.Im("Slovenščina", "sl"), CardAction.Im("English", "en")]),
        });
        return (console, output);
    }

    [Fact]
    public void Buttons_are_printed_as_numbered_options()
    {
        var (_, output) = Shown();
        Assert.Equal("Izberite jezik\n  [1] Slovenščina\n  [2] English\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("2", "en")]
    [InlineData(" 1 ", "sl")]
    [InlineData("slovenscina", "sl")]
    [InlineData("ENGLISH", "en")]
    [InlineData("3", "3")]
    [InlineData("something else", "something else")]
    public void Number_or_title_chooses_the_button_value(string typed, string expected)
    {
        var (console, _) = Shown();
        Assert.Equal(expected, console.Resolve(typed));
    }
}

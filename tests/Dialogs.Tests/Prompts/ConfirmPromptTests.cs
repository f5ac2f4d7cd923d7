using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Prompts;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("da", true)]
    [InlineData("Da, hvala", true)]
    [InlineData("seveda", true)]
    [InlineData("ne", false)]
    [InlineData("Ne, hvala.", false)]
    [InlineData("yes", true)]
    [InlineData("Yeah!", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("po", true)]
    [InlineData("Po, faleminderit", true)]
    [InlineData("jo", false)]
    [InlineData("ne rregull", true)]
    [InlineData("да", true)]
    [InlineData("Не", false)]
    [InlineData("може", true)]
    [InlineData("naravno", true)]
    [InlineData("nikako", false)]
    [InlineData("važi", true)]
    [InlineData("نعم", true)]
    [InlineData("أجل", true)]
    [InlineData("لا", false)]
    [InlineData("كلا", false)]
    [InlineData("👍", true)]
    public void Yes_and_no_words_are_recognized_in_all_five_languages(string input, bool expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(input));

    [Theory]
    [InlineData("maybe")]
    [InlineData("da ne")]
    [InlineData("")]
    [InlineData("mogoče")]
    public void Unclear_answers_are_not_recognized(string input) =>
        Assert.Null(ConfirmRecognizer.Recognize(input));

    [Fact]
    public async Task Confirm_prompt_accepts_its_buttons_by_number_and_retries_unclear_answers()
    {
        var adapter = TestAdapter.InMemory();
        var options = PromptOptions.Text("Ali želite govoriti s svetovalcem?", "Prosim, odgovorite z da ali ne.",
            [new Choice(ConfirmPrompt.YesValue, "Da"), new Choice(ConfirmPrompt.NoValue, "Ne")]);
        await new TestFlow(adapter, new PromptBot(adapter, new ConfirmPrompt("confirm"), options))
            .Send("zdravo").AssertReply("Ali želite govoriti s svetovalcem?", "Da", "Ne")
            .Send("hmm").AssertReply("Prosim, odgovorite z da ali ne.", "Da", "Ne")
            .Send("2").AssertReply("answer:no")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Confirm_buttons_post_their_own_titles_so_the_persons_bubble_shows_their_language()
    {
        // imBack posts the button's value as the person's message: Viber and web chat show it as their bubble.
        var adapter = TestAdapter.InMemory();
        var options = PromptOptions.Text("Želite li izbrisati sve svoje podatke?", "Molim odgovorite s da ili ne.",
            [new Choice(ConfirmPrompt.YesValue, "Da, izbriši"), new Choice(ConfirmPrompt.NoValue, "Ne, zadrži")]);
        await new TestFlow(adapter, new PromptBot(adapter, new ConfirmPrompt("confirm"), options))
            .Send("/delete").AssertReply(reply => Assert.Equal(
                ["Da, izbriši", "Ne, zadrži"], reply.SuggestedActions!.Actions.Select(a => a.Value)))
            .Send("Da, izbriši").AssertReply("answer:yes")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Confirm_prompt_gives_no_answer_after_the_retries_run_out()
    {
        var adapter = TestAdapter.InMemory();
        var options = PromptOptions.Text("هل تريد التحدث مع مستشار؟", "من فضلك أجب بنعم أو لا.") with { MaxRetries = 2 };
        await new TestFlow(adapter, new PromptBot(adapter, new ConfirmPrompt("confirm"), options))
            .Send("مرحبا").AssertReply("هل تريد التحدث مع مستشار؟")
            .Send("ربما").AssertReply("من فضلك أجب بنعم أو لا.")
            .Send("؟").AssertReply("من فضلك أجب بنعم أو لا.")
            .Send("لا أعرف").AssertReply("answer:no")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }
}

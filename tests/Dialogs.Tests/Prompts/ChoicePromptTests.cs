using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Prompts;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Languages =
    [
        new("sl", "Slovenščina"),
        new("en", "English"),
        new("sq", "Shqip"),
        new("hbs", "Srpski / Hrvatski / Bosanski"),
        new("ar", "العربية"),
    ];

    private static PromptOptions Options => PromptOptions.Text("Izberite jezik / Choose a language", "Prosim, izberite s seznama.", Languages) with { MaxRetries = 1 };

    [Theory]
    [InlineData("Slovenscina", "sl")]
    [InlineData("slovenščina", "sl")]
    [InlineData("SLOVENŠČINA!", "sl")]
    [InlineData("1", "sl")]
    [InlineData("2", "en")]
    [InlineData("٥", "ar")]
    [InlineData("en", "en")]
    [InlineData("Енглиш", "en")]
    [InlineData("englsh", "en")]
    [InlineData("Engilsh", "en")]
    [InlineData("shqip", "sq")]
    [InlineData("Shqipe", "sq")]
    [InlineData("hrvatski", "hbs")]
    [InlineData("српски", "hbs")]
    [InlineData("العربيه", "ar")]
    [InlineData("I want English please", "en")]
    public async Task Choice_is_recognized_by_number_value_title_script_or_typo(string input, string expected)
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new PromptBot(adapter, new ChoicePrompt("language"), Options))
            .Send("hi").AssertReply("Izberite jezik / Choose a language", "Slovenščina", "English", "Shqip", "Srpski / Hrvatski / Bosanski", "العربية")
            .Send(input).AssertReply($"answer:{expected}")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("banana")]
    [InlineData("e")]
    public void Unrelated_or_out_of_range_input_matches_nothing(string input) =>
        Assert.Null(ChoiceRecognizer.Recognize(input, Languages));

    [Theory]
    [InlineData("عمل", "work")]
    [InlineData("العمل", "work")]
    [InlineData("عائله", "family")]
    [InlineData("دراسة", "study")]
    public void An_Arabic_answer_is_recognized_with_or_without_its_article(string input, string expected)
    {
        Choice[] purposes = [new("work", "العمل"), new("family", "العائلة"), new("study", "الدراسة"), new("other", "غير ذلك")];

        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, purposes)?.Value);
    }

    [Fact]
    public void Ambiguous_typo_matches_nothing()
    {
        Choice[] close = [new("a", "Maribor"), new("b", "Marinor")];
        Assert.Null(ChoiceRecognizer.Recognize("Marixor", close));
    }

    [Fact]
    public async Task Invalid_answer_is_reprompted_then_ends_with_no_answer()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new PromptBot(adapter, new ChoicePrompt("language"), Options))
            .Send("hi").AssertReply(a => Assert.Equal(5, a.SuggestedActions!.Actions.Count))
            .Send("banana").AssertReply("Prosim, izberite s seznama.", "Slovenščina", "English", "Shqip", "Srpski / Hrvatski / Bosanski", "العربية")
            .Send("kiwi").AssertReply("no answer")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Valid_answer_after_a_retry_is_accepted()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new PromptBot(adapter, new ChoicePrompt("language"), Options))
            .Send("hi").AssertReply(_ => { })
            .Send("???").AssertReply(_ => { })
            .Send("english").AssertReply("answer:en")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }
}

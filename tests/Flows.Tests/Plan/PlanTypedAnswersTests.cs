using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// The plan's answers typed as people type them, found walking /plan in the web chat (390×844): an arrival date in the
/// digits of their own script or their own way of writing dates, a year mistyped, an Arabic word without the button's
/// article. The clock is Monday 23 Nov 2026 unless a test sets its own.
/// </summary>
public sealed class PlanTypedAnswersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_arrival_date_typed_in_Arabic_digits_is_read_and_counts_the_deadline()
    {
        // Walked in Arabic: "٢٠/١١/٢٠٢٦" got no reply at all (the turn failed on the digits) and the chat stood still.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Arabic);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("تخطَّ").IgnoreReplies()
            .Send("تخطَّ").IgnoreReplies()
            .Send("٢٠/١١/٢٠٢٦")
            .AssertTurnContains("هل معك أطفال؟")
            .Send("تخطَّ").IgnoreReplies()
            .Send("تخطَّ")
            .AssertTurnContains("سجّل عنوانك – المهلة \u206628.11.2026\u2069")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task An_Arabic_answer_typed_without_its_article_is_read()
    {
        // The button says "العمل" (the work); people type "عمل". It was "I did not understand that" and the question again.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Arabic);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("غرب البلقان").IgnoreReplies()
            .Send("عمل")
            .AssertReplies(replies =>
            {
                Assert.DoesNotContain("لم أفهم ذلك", replies.AllText(), StringComparison.Ordinal);
                Assert.Contains("متى وصلت", replies.AllText(), StringComparison.Ordinal);
            })
            .Send("اليوم").IgnoreReplies()
            .Send("لا أطفال").IgnoreReplies()
            .Send("لا شيء من هذه")
            .AssertTurnContains("التصريح الموحّد للإقامة والعمل")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_day_and_month_without_a_year_typed_in_January_is_the_last_December()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));
        await using var bot = FlowHarness.Create(clock);
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("20.12.").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip")
            .AssertTurnContains("⚠️ 1. Register your address – overdue since 28.12.2026")
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("20-11-2026")]
    [InlineData("20/11/26")]
    [InlineData("20. 11. 2026.")]
    [InlineData("2026/11/20")]
    [InlineData("۲۰/۱۱/۲۰۲۶")]
    public async Task Dates_written_the_local_way_are_read(string typed)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send(typed)
            .AssertReplyContains("4/5 Are children with you?")
            .Send("skip").IgnoreReplies()
            .Send("skip")
            .AssertTurnContains("Register your address – by 28.11.2026")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_year_mistyped_far_in_the_future_is_asked_again()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("20.11.2062")
            .AssertReplyContains("I did not understand that. Choose a button, or press Skip.\n3/5 When did you arrive")
            .Send("20.11.2026")
            .AssertReplyContains("4/5 Are children with you?")
            .StartTestAsync(Ct);
    }
}

using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Knowledge.Tests.Plan;

/// <summary>The shipped plan.yaml decides the right steps for the people of issue 21's "done when".</summary>
public sealed class PlanRulesTests
{
    private static readonly PlanBook Book = PlanBook.LoadDefault();
    private static readonly DateOnly Arrival = new(2026, 11, 20);

    private static List<string> Ids(IntakeAnswers answers) => [.. Book.StepsFor(answers).Select(s => s.Id)];

    [Fact]
    public void Family_from_Bosnia_arriving_for_work_with_a_child_of_8_gets_the_family_steps_and_no_asylum_step()
    {
        var answers = new IntakeAnswers { Origin = "western-balkans", Purpose = "work", Arrival = Arrival, Children = ["6-15"], Has = [] };

        var ids = Ids(answers);

        Assert.Subset(new HashSet<string>(ids), new HashSet<string> { "address-registration", "tax-number", "health-insurance", "school-enrolment", "slovenian-course" });
        Assert.DoesNotContain(ids, id => id.StartsWith("asylum", StringComparison.Ordinal));
        Assert.DoesNotContain("kindergarten", ids);
        Assert.Equal(new DateOnly(2026, 11, 28), Book.Find("address-registration")!.DeadlineFor(answers));
    }

    [Fact]
    public void A_person_seeking_international_protection_gets_the_asylum_steps_and_no_work_permit()
    {
        var ids = Ids(new IntakeAnswers { Origin = "other", Purpose = "protection", Arrival = Arrival, Children = [], Has = [] });

        Assert.Equal(["asylum-apply", "asylum-application"], ids.Take(2));
        Assert.DoesNotContain("work-permit", ids);
        Assert.DoesNotContain("residence-permit", ids);
    }

    [Fact]
    public void With_every_question_skipped_the_plan_holds_the_steps_for_everyone_with_address_registration()
    {
        var steps = Book.StepsFor(new IntakeAnswers());

        Assert.Contains(steps, s => s.Id == "address-registration" && s.DeadlineDays == 8);
        Assert.All(steps, s => Assert.Empty(s.When));
        Assert.DoesNotContain(steps, s => s.Id is "work-permit" or "asylum-apply" or "school-enrolment");
    }

    [Fact]
    public void What_the_person_already_has_is_left_out()
    {
        var ids = Ids(new IntakeAnswers { Has = ["registered-address", "tax-number"] });

        Assert.DoesNotContain("address-registration", ids);
        Assert.DoesNotContain("tax-number", ids);
        Assert.Contains("bank-account", ids);
    }

    [Fact]
    public void An_EU_citizen_gets_no_permit_step()
    {
        var ids = Ids(new IntakeAnswers { Origin = "eu", Purpose = "work" });

        Assert.DoesNotContain("work-permit", ids);
        Assert.DoesNotContain("residence-permit", ids);
    }

    [Fact]
    public void Steps_come_in_plan_order()
    {
        var orders = Book.StepsFor(new IntakeAnswers { Purpose = "work", Origin = "other", Children = ["under-6", "6-15"] }).Select(s => s.Order).ToList();
        Assert.Equal(orders.Order(), orders);
    }
}

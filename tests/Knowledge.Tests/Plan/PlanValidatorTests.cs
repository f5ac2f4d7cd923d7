using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Knowledge.Tests.Plan;

public sealed class PlanValidatorTests : IDisposable
{
    private readonly ContentFixture _fixture = new();

    private const string ValidStep = """
          - id: address-registration
            order: 10
            topic: address-registration
            unless: { has: [registered-address] }
            deadline_days: 8
            where: ue-postojna
            sources: [https://www.ess.gov.si/]
            title: { sl: Prijava, en: Register, sq: Regjistroni, hbs: Prijavite, ar: سجّل }
        """;

    [Fact]
    public void Shipped_plan_is_valid_against_the_shipped_topics()
    {
        var problems = new PlanValidator(TimeProvider.System).Validate(PlanBook.LoadDefault(), TopicCatalog.LoadDefault());
        Assert.Empty(problems);
        Assert.True(PlanBook.LoadDefault().Steps.Count >= 10);
    }

    [Fact]
    public async Task Kb_check_reports_each_plan_problem_on_one_line()
    {
        WritePlan(ValidStep + "\n" + """
              - id: asylum
                order: 20
                topic: no-such-topic
                when: { purpose: [holiday], nationality: [x] }
                deadline_days: 0
                where: Not An Id
                sources: [ftp://x]
                title: { en: Asylum }
            """);

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.Contains("plan.yaml: topic=step asylum field=topic: 'no-such-topic' is not a topic id", output);
        Assert.Contains("plan.yaml: topic=step asylum field=when: 'holiday' is not a value of purpose (work, family, study, protection, other)", output);
        Assert.Contains("plan.yaml: topic=step asylum field=when: 'nationality' is not an intake question (origin, purpose, children, has)", output);
        Assert.Contains("plan.yaml: topic=step asylum field=deadline_days: must be a positive number of days after arrival", output);
        Assert.Contains("plan.yaml: topic=step asylum field=where: 'Not An Id' is not a directory id", output);
        Assert.Contains("plan.yaml: topic=step asylum field=sources: 'ftp://x' is not an http(s) URL", output);
        Assert.Contains("plan.yaml: topic=step asylum lang=ar field=title: missing", output);
        Assert.DoesNotContain(output, line => line.Contains("step address-registration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_where_that_is_not_in_the_directory_is_reported_once_the_directory_exists()
    {
        WritePlan(ValidStep);
        Assert.Equal(0, (await RunAsync()).Exit);

        File.WriteAllText(Path.Combine(_fixture.Directory, LocalDirectory.FileName), "- id: zd-postojna\n  confirmed: true\n");

        var (exit, output) = await RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains("plan.yaml: topic=step address-registration field=where: 'ue-postojna' is not a directory id", output);
    }

    [Fact]
    public async Task A_broken_plan_file_is_one_problem_not_a_crash()
    {
        File.WriteAllText(Path.Combine(_fixture.Directory, PlanBook.FileName), "steps: [ {id: x\n");

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.StartsWith("plan.yaml: YAML error at line", output[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_confirmed_directory_entry_with_an_address_is_shown()
    {
        File.WriteAllText(Path.Combine(_fixture.Directory, LocalDirectory.FileName), """
            - id: ue-postojna
              confirmed: true
              names: { en: Administrative unit Postojna, sl: Upravna enota Postojna }
              address: Street 1, 6230 Postojna
            - id: csd-postojna
              confirmed: false
              names: { en: Social work centre }
              address: Somewhere 2
            """);
        var places = TopicCatalog.LoadFromDirectory(_fixture.Directory).Directory;

        Assert.Equal("Upravna enota Postojna, Street 1, 6230 Postojna", places.Describe("ue-postojna", "sl"));
        Assert.Equal("Administrative unit Postojna, Street 1, 6230 Postojna", places.Describe("ue-postojna", "ar"));
        Assert.Null(places.Describe("csd-postojna", "en"));
        Assert.Null(places.Describe("zd-postojna", "en"));
        Assert.Null(TopicCatalog.LoadFromDirectory(Path.Combine(_fixture.Directory, "none")).Directory.Describe("ue-postojna", "en"));
    }

    private void WritePlan(string steps) =>
        File.WriteAllText(Path.Combine(_fixture.Directory, PlanBook.FileName), "reviewed: 2026-01-01\nsteps:\n" + steps);

    private async Task<(int Exit, string[] Output)> RunAsync()
    {
        await using var stdout = new StringWriter();
        var exit = await KbCheckCommand.RunAsync(_fixture.Directory, stdout, TimeProvider.System, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _fixture.Dispose();
}

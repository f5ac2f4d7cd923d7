using IntegrationBot.Handoff.Office;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Tests.Office;

public sealed class OfficeSettingsCheckTests
{
    [Fact]
    public async Task Each_missing_office_setting_is_named_in_its_own_warning_at_start()
    {
        var logger = new ListLogger();
        var office = new OfficeOptions { Name = "Starting Point Postojna", Address = "", Phone = " ", Email = "x@example.si", HoursText = "Mon 8-15" };

        await new OfficeSettingsCheck(Options.Create(office), logger).StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, logger.Warnings.Count);
        Assert.Contains(logger.Warnings, w => w.Contains("IntegrationBot:Office:Address", StringComparison.Ordinal));
        Assert.Contains(logger.Warnings, w => w.Contains("IntegrationBot:Office:Phone", StringComparison.Ordinal));
        Assert.Contains(logger.Warnings, w => w.Contains("IntegrationBot:Office:Schedule", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_missing_schedule_warning_names_the_per_day_variables_and_what_it_costs()
    {
        var logger = new ListLogger();
        var office = new OfficeOptions { Name = "n", Address = "a", Phone = "p", Email = "e", HoursText = "h" };

        await new OfficeSettingsCheck(Options.Create(office), logger).StartAsync(TestContext.Current.CancellationToken);

        // IntegrationBot__Office__Schedule alone sets nothing: the schedule is one key per day.
        var warning = Assert.Single(logger.Warnings);
        Assert.Contains("environment variables IntegrationBot__Office__Schedule__Mon … IntegrationBot__Office__Schedule__Sun", warning, StringComparison.Ordinal);
        Assert.Contains("nobody waiting for a counselor is told when one will read their message", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Answers send people to ask the office", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fully_configured_office_has_nothing_missing() =>
        Assert.Empty(OfficeSettingsCheck.Missing(new OfficeOptions
        {
            Name = "n", Address = "a", Phone = "p", Email = "e", HoursText = "h",
            Schedule = new(StringComparer.OrdinalIgnoreCase) { ["Mon"] = "08:00-15:00" },
        }));

    private sealed class ListLogger : ILogger<OfficeSettingsCheck>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Office;

/// <summary>
/// Names, at start, every office setting the operator left empty: answers then send people to ask the office instead,
/// and without a schedule nobody can be told when a counselor will read their message. A warning per setting, so a
/// fresh install shows exactly what to configure.
/// </summary>
public sealed partial class OfficeSettingsCheck(IOptions<OfficeOptions> options, ILogger<OfficeSettingsCheck> logger) : IHostedService
{
    /// <summary>The configuration keys (under <c>IntegrationBot:Office</c>) that are empty.</summary>
    public static IReadOnlyList<string> Missing(OfficeOptions office)
    {
        var missing = new List<string>();
        foreach (var (key, value) in new[]
        {
            (nameof(office.Name), office.Name), (nameof(office.Address), office.Address), (nameof(office.HoursText), office.HoursText),
            (nameof(office.Phone), office.Phone), (nameof(office.Email), office.Email),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(key);
            }
        }

        if (office.Schedule.Values.All(string.IsNullOrWhiteSpace))
        {
            missing.Add(nameof(office.Schedule));
        }

        return missing;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in Missing(options.Value))
        {
            if (key == nameof(OfficeOptions.Schedule))
            {
                // The schedule is one key per day; naming IntegrationBot__Office__Schedule would send the operator to a
                // variable that sets nothing.
                LogMissingSchedule(logger, $"{OfficeOptions.Section}:{key}", "IntegrationBot__Office__Schedule__Mon … IntegrationBot__Office__Schedule__Sun");
                continue;
            }

            LogMissing(logger, $"{OfficeOptions.Section}:{key}", $"IntegrationBot__Office__{key}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "OFFICE SETTING MISSING: {Setting} is not set (environment variable {Variable}). Answers send people to ask the office instead of showing it.")]
    private static partial void LogMissing(ILogger logger, string setting, string variable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OFFICE SETTING MISSING: {Setting} is not set (environment variables {Variables}, e.g. 08:00-15:00). Without opening hours nobody waiting for a counselor is told when one will read their message.")]
    private static partial void LogMissingSchedule(ILogger logger, string setting, string variables);
}

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
            LogMissing(logger, $"{OfficeOptions.Section}:{key}", $"IntegrationBot__Office__{key}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "OFFICE SETTING MISSING: {Setting} is not set (environment variable {Variable}). Answers send people to ask the office instead of showing it.")]
    private static partial void LogMissing(ILogger logger, string setting, string variable);
}

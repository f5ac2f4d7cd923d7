using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Office;

/// <summary>Fails the host at start when the schedule, holidays or time zone cannot be understood.</summary>
public sealed class OfficeOptionsValidator : IValidateOptions<OfficeOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeOptions options)
    {
        try
        {
            _ = new OfficeHours(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return ValidateOptionsResult.Fail($"{OfficeOptions.Section}: {e.Message}");
        }
    }
}

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
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Name the key: "IntegrationBot:Office: The time zone ID '' was not found" left the operator to guess it.
            return ValidateOptionsResult.Fail(
                $"{OfficeOptions.Section}:TimeZone '{options.TimeZone}' is not a time zone this machine knows; give an IANA name such as Europe/Ljubljana, or leave the setting out for that default");
        }
        catch (FormatException e)
        {
            // OfficeHours names the key under the section ("Schedule:Mon '9-17' is not opening hours; ...").
            return ValidateOptionsResult.Fail($"{OfficeOptions.Section}:{e.Message}");
        }
    }
}

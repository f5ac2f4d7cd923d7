using System.Reflection;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Office;

/// <summary>
/// Fails the host at start when the Office section holds a key that no option reads, e.g. <c>IntegrationBot__Office__Hours</c>
/// instead of <c>__HoursText</c>: a misspelt key would otherwise be ignored silently and the office's details left out.
/// The known keys are the public properties of <see cref="OfficeOptions"/>, so a new option is known without editing this list.
/// </summary>
public sealed class OfficeKeysValidator(IConfiguration configuration) : IValidateOptions<OfficeOptions>
{
    private static readonly HashSet<string> Known = typeof(OfficeOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, OfficeOptions options)
    {
        var unknown = configuration.GetSection(OfficeOptions.Section).GetChildren()
            .Select(c => c.Key)
            .Where(key => !Known.Contains(key))
            // A name for a language the bot does not speak (Names:si for Slovenian) would never be shown.
            .Concat(configuration.GetSection($"{OfficeOptions.Section}:{nameof(OfficeOptions.Names)}").GetChildren()
                .Where(c => !CounselorDirectory.KnownLanguages.Contains(c.Key.ToLowerInvariant()))
                .Select(c => $"{nameof(OfficeOptions.Names)}:{c.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{OfficeOptions.Section}: unknown key(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}");
    }
}

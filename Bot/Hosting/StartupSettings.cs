using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The settings a failed start could not use, each a message naming its key (empty: the start failed for
/// another reason).</summary>
public static partial class StartupSettings
{
    private const string BinderAssembly = "Microsoft.Extensions.Configuration.Binder";

    /// <remarks>Several sections failing together arrive as an <see cref="AggregateException"/> of them, a section
    /// that reads another's setting (Handoff's retention follows Privacy's) with that one's failure again: each said
    /// once. A value the configuration binder cannot convert to its setting's type (<c>abc</c> for a number, <c>2h</c>
    /// for a duration) fails the binding itself, before any validation, wherever the options are first read.</remarks>
    public static IReadOnlyList<string> Failures(Exception exception) => [.. Each(exception).Distinct(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Each(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures.Select(f => Keyed(options.OptionsType, f))],
        InvalidOperationException { Source: BinderAssembly } binding => [Unconvertible(binding.Message)],
        AggregateException all when all.InnerExceptions.Select(Each).ToList() is var each && each.All(f => f.Count > 0) =>
            [.. each.SelectMany(f => f)],
        _ => [],
    };

    /// <summary>A data-annotation failure names the C# class and property ("DataAnnotation validation failed for
    /// 'InputOptions' members: 'MaxMessageLength' with the error: 'The field MaxMessageLength must be ...'"); said
    /// with the setting's key instead, from the options class's own section constant. Other failures already name it.</summary>
    private static string Keyed(Type optionsType, string failure)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } annotation)
        {
            return failure;
        }

        var error = annotation.Groups["error"].Value.TrimEnd('.');
        if (error.StartsWith("IntegrationBot:", StringComparison.Ordinal))
        {
            return error; // the attribute's own message names the key
        }

        if (SectionOf(optionsType) is not { } section)
        {
            return failure;
        }

        var members = annotation.Groups["members"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = string.Join(", ", members.Select(m => $"{section}:{m}"));
        // "The field MaxMessageLength must be between 10 and 100000" -> "IntegrationBot:Bot:MaxMessageLength must be ..."
        return members.Length == 1 && error.StartsWith($"The field {members[0]} ", StringComparison.Ordinal)
            ? keys + error[$"The field {members[0]}".Length..]
            : $"{keys}: {error}";
    }

    /// <summary>Every options class names its section in a constant (<c>Section</c> or <c>SectionName</c>).</summary>
    private static string? SectionOf(Type optionsType) =>
        (optionsType.GetField("Section") ?? optionsType.GetField("SectionName")) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    /// <summary>The binder's "Failed to convert configuration value 'abc' at 'Key' to type 'System.Int32'." said in
    /// the operator's terms; its own words if the binder ever words it differently.</summary>
    private static string Unconvertible(string message)
    {
        if (ConversionFailure().Match(message) is not { Success: true } failure)
        {
            return message;
        }

        var (value, key, type) = (failure.Groups["value"].Value, failure.Groups["key"].Value, failure.Groups["type"].Value);
        var expected = type switch
        {
            "System.Int32" or "System.Int64" => "is not a whole number",
            "System.Double" => "is not a number (a decimal point, e.g. 1.5)",
            "System.TimeSpan" => "is not a duration; write hours:minutes:seconds, e.g. 00:05:00 (days: 1.00:00:00)",
            "System.Boolean" => "is not true or false",
            _ => $"cannot be read as {type}",
        };
        return $"{key} '{value}' {expected}";
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.$", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}

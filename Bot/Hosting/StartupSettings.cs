using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The settings a failed start could not use, each a message naming its key (empty: the start failed for
/// another reason).</summary>
public static class StartupSettings
{
    /// <remarks>Several sections failing together arrive as an <see cref="AggregateException"/> of them.</remarks>
    public static IReadOnlyList<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures],
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)],
        _ => [],
    };
}

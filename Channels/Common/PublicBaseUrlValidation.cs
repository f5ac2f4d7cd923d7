using IntegrationBot.Channels.Telegram;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Common;

/// <summary>Stops the host at start when Telegram's webhook is on and <c>IntegrationBot:PublicBaseUrl</c> is unusable.</summary>
public sealed class PublicBaseUrlValidation(IOptions<ChannelsOptions> channels) : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AcceptsWebhook && PublicBaseUrlRules.ProblemFor(channels.Value.PublicBaseUrl) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}

using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Flows.Plan;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>Each entry of <c>IntegrationBot:Plan:ReminderChannels</c> is the id of a channel this host sends on: the
/// list is compared with a conversation's channel id exactly, so 'Telegram' or 'directline' would silently never
/// offer a reminder. Here, in the host, because only the host knows both the plan and the channels.</summary>
internal sealed class ReminderChannelsValidation : IValidateOptions<PlanOptions>
{
    private static readonly string[] Channels = [TelegramActivityMapper.ChannelId, ViberActivityMapper.ChannelId, DirectLineInbox.ChannelId];

    public ValidateOptionsResult Validate(string? name, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unknown = (options.ReminderChannels ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !Channels.Contains(c, StringComparer.Ordinal))
            .Select(c => $"IntegrationBot:Plan:ReminderChannels '{c}' is no channel (channel ids: {string.Join(", ", Channels)})");
        return unknown.ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}

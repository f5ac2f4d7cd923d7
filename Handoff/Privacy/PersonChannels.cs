using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Privacy;

/// <summary>
/// The channel ids people write from (<see cref="PersonChannel"/>, each registered by its channel), for the admin's
/// erasure and export of a person by id. An id of no channel found nobody and answered 200 with every count 0, which
/// reads as "erased" while the person's data stayed ("directline" for the web chat, "Telegram" typed with a capital).
/// </summary>
public sealed class PersonChannels(IEnumerable<PersonChannel> registered)
{
    private readonly string[] ids = [.. registered.Select(c => c.Id).Distinct(StringComparer.Ordinal)];

    /// <summary>Every channel id, for the refusal's words.</summary>
    public IReadOnlyList<string> Ids => ids;

    /// <summary>The channel id as its channel writes it (case aside), or null for an id of no channel. With no channel
    /// registered (Handoff alone, without the host's channels) every id is taken as written.</summary>
    public string? Find(string channelId) =>
        ids.Length == 0 ? channelId : ids.FirstOrDefault(id => string.Equals(id, channelId, StringComparison.OrdinalIgnoreCase));
}

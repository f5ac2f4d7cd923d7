using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>docs/api.md's erasure and export of a person say which <c>{channelId}</c> each channel's people have.</summary>
public sealed class DocumentedErasureChannelsTests
{
    // Found erasing a web chat person as docs/api.md says: nothing in the docs gives the channel ids, and the web chat
    // is "Direct Line" everywhere (/v3/directline, README's layers), so an admin sent
    // DELETE /api/admin/users/directline/<userId>: 200 {"removed": {"dialogs": 0, "webchat": 0, ...}} while the person's
    // state stayed (GET .../webchat/<userId>/export still had it): the web chat's channel id is "webchat", and an
    // unknown channel id answers 200 with nothing removed.
    [Fact]
    public void The_api_doc_names_the_channel_id_of_each_channel_for_erasure()
    {
        var erase = File.ReadLines(RepositoryRoot.Combine("docs", "api.md"))
            .Single(l => l.StartsWith("| DELETE | `/api/admin/users/{channelId}/{userId}`", StringComparison.Ordinal));

        foreach (var channel in new[] { DirectLineInbox.ChannelId, TelegramActivityMapper.ChannelId, ViberActivityMapper.ChannelId })
        {
            Assert.Contains($"`{channel}`", erase, StringComparison.Ordinal);
        }
    }
}

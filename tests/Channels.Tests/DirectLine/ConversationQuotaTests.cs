using IntegrationBot.Channels.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Channels.Tests.DirectLine;

public sealed class ConversationQuotaTests
{
    [Fact]
    public void Addresses_not_seen_for_an_hour_are_forgotten()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        var quota = new ConversationQuota(Options.Create(new DirectLineOptions { MaxConversationsPerIpPerHour = 2 }), clock);
        for (var i = 0; i < 500; i++)
        {
            Assert.True(quota.TryOpen("198.51.100." + i));
        }

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.True(quota.TryOpen("203.0.113.1"));

        Assert.Equal(1, quota.TrackedAddresses);
    }

    [Fact]
    public void An_address_keeps_its_count_within_the_hour()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        var quota = new ConversationQuota(Options.Create(new DirectLineOptions { MaxConversationsPerIpPerHour = 2 }), clock);

        Assert.True(quota.TryOpen("203.0.113.1"));
        Assert.True(quota.TryOpen("203.0.113.1"));
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.False(quota.TryOpen("203.0.113.1"));
    }

    [Fact]
    public void By_default_one_shared_address_opens_two_hundred_conversations_an_hour()
    {
        // People behind one address: the office's guest Wi-Fi, a reception centre, a school. Thirty an hour (the default
        // before) turned the next person away with "The chat is not available right now".
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        var quota = new ConversationQuota(Options.Create(new DirectLineOptions()), clock);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(quota.TryOpen("203.0.113.7"), $"conversation {i + 1}");
            clock.Advance(TimeSpan.FromSeconds(15));
        }

        Assert.False(quota.TryOpen("203.0.113.7"));
    }
}

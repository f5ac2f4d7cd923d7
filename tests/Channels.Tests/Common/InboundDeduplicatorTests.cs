using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class InboundDeduplicatorTests
{
    [Fact]
    public void Completed_id_is_not_processed_again()
    {
        var seen = new InboundDeduplicator();
        Assert.True(seen.TryBegin("7"));
        seen.Complete("7");
        Assert.False(seen.TryBegin("7"));
    }

    [Fact]
    public void Id_still_running_is_not_started_twice()
    {
        var seen = new InboundDeduplicator();
        Assert.True(seen.TryBegin("7"));
        Assert.False(seen.TryBegin("7"));
    }

    [Fact]
    public void Abandoned_id_can_be_processed_on_redelivery()
    {
        var seen = new InboundDeduplicator();
        Assert.True(seen.TryBegin("7"));
        seen.Abandon("7");
        Assert.True(seen.TryBegin("7"));
    }
}

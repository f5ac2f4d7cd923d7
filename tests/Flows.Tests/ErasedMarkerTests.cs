using IntegrationBot.Flows;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>The confirmation of /delete is marked, so the web chat page clears what it still shows and keeps.</summary>
public sealed class ErasedMarkerTests
{
    [Fact]
    public async Task Only_the_confirmation_of_an_erasure_carries_the_erased_marker()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        var before = await bot.SendAsync("/delete");

        var done = Assert.Single(await bot.SendAsync(bot.Title(Language.English, "delete.yes")));

        Assert.Equal(FlowDialogs.ErasedMarker, done.Name);
        Assert.Equal(bot.Text(Language.English, "delete.done"), done.Text);
        Assert.All(before, b => Assert.Null(b.Name));
    }
}

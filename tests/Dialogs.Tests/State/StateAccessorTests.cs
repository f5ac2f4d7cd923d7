using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.State;

public sealed class StateAccessorTests
{
    private enum Stage
    {
        New,
        WaitingForCounselor,
    }

    private sealed record Profile(string Language, int Visits, Stage Stage, Dictionary<string, int> Topics);

    private sealed class ProfileBot(TestAdapter adapter) : IBot
    {
        private readonly Dialogs.State.IStatePropertyAccessor<Profile> _profile = adapter.UserState.CreateProperty<Profile>("profile");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var profile = await _profile.GetAsync(turnContext, () => new Profile("sl", 0, Stage.New, []), cancellationToken);
            profile.Topics[turnContext.Activity.Text!] = profile.Topics.GetValueOrDefault(turnContext.Activity.Text!) + 1;
            var next = profile with { Visits = profile.Visits + 1, Stage = Stage.WaitingForCounselor };
            await _profile.SetAsync(turnContext, next, cancellationToken);
            await turnContext.SendActivityAsync($"{next.Language} {next.Visits} {next.Stage} {next.Topics[turnContext.Activity.Text!]}", cancellationToken);
        }
    }

    [Fact]
    public async Task Typed_records_come_back_with_ints_enums_and_dictionaries_intact()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new ProfileBot(adapter))
            .Send("housing").AssertReply("sl 1 WaitingForCounselor 1")
            .Send("housing").AssertReply("sl 2 WaitingForCounselor 2")
            .StartTestAsync(TestContext.Current.CancellationToken);

        var stored = await adapter.Storage.ReadAsync(["test/users/user-1"], TestContext.Current.CancellationToken);
        Assert.Equal("""{"profile":{"language":"sl","visits":2,"stage":"waitingForCounselor","topics":{"housing":2}}}""", stored["test/users/user-1"].Json);
    }

    [Fact]
    public async Task A_turn_that_changes_nothing_writes_nothing()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new ProfileBot(adapter);
        var ct = TestContext.Current.CancellationToken;
        await adapter.SendAsync(adapter.MakeMessage("work"), bot, ct);
        var before = (await adapter.Storage.ReadAsync(["test/users/user-1"], ct))["test/users/user-1"].ETag;

        await adapter.SendAsync(adapter.MakeMessage("ignored") with { Type = Activities.ActivityTypes.Typing }, new ReadOnlyBot(adapter), ct);

        Assert.Equal(before, (await adapter.Storage.ReadAsync(["test/users/user-1"], ct))["test/users/user-1"].ETag);
    }

    private sealed class ReadOnlyBot(TestAdapter adapter) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            adapter.UserState.CreateProperty<Profile>("profile").GetOrDefaultAsync(turnContext, cancellationToken);
    }
}

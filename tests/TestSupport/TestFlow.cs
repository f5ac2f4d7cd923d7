using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.TestSupport;

/// <summary>
/// A transcript test: <c>new TestFlow(adapter, bot).Send("zdravo").AssertReply("Pozdravljeni!").StartTestAsync()</c>.
/// Steps run in order when <see cref="StartTestAsync"/> is awaited.
/// </summary>
public sealed class TestFlow(TestAdapter adapter, IBot bot)
{
    private readonly List<Func<CancellationToken, Task>> _steps = [];

    public TestFlow Send(string text) => Send(adapter.MakeMessage(text));

    public TestFlow Send(Activity activity)
    {
        _steps.Add(async ct => await adapter.SendAsync(activity, bot, ct));
        return this;
    }

    /// <summary>The next reply has exactly this text.</summary>
    public TestFlow AssertReply(string expectedText) => AssertReply(reply =>
    {
        if (reply.Text != expectedText)
        {
            throw new TestFlowAssertionException($"Expected the reply \"{expectedText}\" but the bot said \"{reply.Text}\".");
        }
    }, $"\"{expectedText}\"");

    /// <summary>The next reply has this text and exactly these button titles, in order.</summary>
    public TestFlow AssertReply(string expectedText, params string[] buttonTitles) => AssertReply(reply =>
    {
        var titles = reply.SuggestedActions?.Actions.Select(a => a.Title).ToArray() ?? [];
        if (reply.Text != expectedText || !titles.SequenceEqual(buttonTitles))
        {
            throw new TestFlowAssertionException(
                $"Expected \"{expectedText}\" [{string.Join(", ", buttonTitles)}] but the bot said \"{reply.Text}\" [{string.Join(", ", titles)}].");
        }
    }, $"\"{expectedText}\"");

    /// <summary>The next reply passes <paramref name="check"/>, which throws (e.g. an xunit assertion) otherwise.</summary>
    public TestFlow AssertReply(Action<Activity> check, string? description = null)
    {
        _steps.Add(_ =>
        {
            if (!adapter.Sender.TryTake(out var reply))
            {
                throw new TestFlowAssertionException($"Expected a reply {description} but the bot sent nothing more.");
            }

            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertNoReply()
    {
        _steps.Add(_ => adapter.Sender.TryTake(out var extra)
            ? throw new TestFlowAssertionException($"Expected no reply but the bot said \"{extra.Text}\".")
            : Task.CompletedTask);
        return this;
    }

    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken);
        }
    }
}

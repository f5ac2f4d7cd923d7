using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.TestSupport;

/// <summary>
/// A transcript test in the style of Bot Builder's <c>TestFlow</c>:
/// <c>new TestFlow(adapter, bot).Send("zdravo").AssertReply("Pozdravljeni!").StartTestAsync()</c>.
/// Steps run in order when <see cref="StartTestAsync"/> is awaited; each assertion takes the oldest reply not yet taken.
/// </summary>
public sealed class TestFlow(TestAdapter adapter, IBot bot)
{
    private readonly List<Func<CancellationToken, Task>> _steps = [];

    public TestFlow Send(string text) => Send(() => adapter.MakeMessage(text));

    /// <summary>A message with the client's locale, as a chat widget sends it.</summary>
    public TestFlow Send(string text, string? locale) => Send(() => adapter.MakeMessage(text) with { Locale = locale });

    public TestFlow Send(Activity activity) => Send(() => activity);

    /// <summary>A new conversation opens, as a chat client announces it, optionally with the client's locale.</summary>
    public TestFlow Open(string? locale = null) => Send(() => adapter.MakeMessage(null) with
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [adapter.User],
        Locale = locale,
    });

    /// <summary>Delivers what proactive turns (e.g. a counselor's events) queued in the outbox since the last step.</summary>
    public TestFlow Deliver()
    {
        _steps.Add(async ct => await adapter.Dispatcher.DrainOnceAsync(ct));
        return this;
    }

    /// <summary>Something that happens outside the chat between two turns (a counselor acts, the clock moves).</summary>
    public TestFlow Then(Func<CancellationToken, Task> action)
    {
        _steps.Add(action);
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

    /// <summary>The next reply's text contains <paramref name="expectedFragment"/> (ordinal).</summary>
    public TestFlow AssertReplyContains(string expectedFragment) => AssertReply(reply =>
    {
        if (reply.Text?.Contains(expectedFragment, StringComparison.Ordinal) != true)
        {
            throw new TestFlowAssertionException($"Expected a reply containing \"{expectedFragment}\" but the bot said \"{reply.Text}\".");
        }
    }, $"containing \"{expectedFragment}\"");

    /// <summary>The next reply has one of these texts.</summary>
    public TestFlow AssertReplyOneOf(params string[] expectedTexts) => AssertReply(reply =>
    {
        if (!expectedTexts.Contains(reply.Text))
        {
            throw new TestFlowAssertionException($"Expected one of \"{string.Join("\", \"", expectedTexts)}\" but the bot said \"{reply.Text}\".");
        }
    }, "one of the expected texts");

    /// <summary>Every reply not yet taken (the rest of the turn, e.g. an answer split over messages) passes <paramref name="check"/>.</summary>
    public TestFlow AssertReplies(Action<IReadOnlyList<Activity>> check)
    {
        _steps.Add(_ =>
        {
            var replies = new List<Activity>();
            while (adapter.Sender.TryTake(out var reply))
            {
                replies.Add(reply);
            }

            check(replies);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Takes the replies not yet taken without asserting them: for a turn that only leads to the part under test.</summary>
    public TestFlow IgnoreReplies() => AssertReplies(_ => { });

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

    private TestFlow Send(Func<Activity> activity)
    {
        // Built when the step runs, so the activity's timestamp is the clock's time then.
        _steps.Add(async ct => await adapter.SendAsync(activity(), bot, ct));
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

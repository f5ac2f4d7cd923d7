using System.Diagnostics;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Reliability;

public sealed class CrashRecoveryTests
{
    private const int Conversations = 200;
    private const int MessagesPerConversation = 5;

    internal static readonly Dictionary<string, string> Settings = new()
    {
        ["IntegrationBot__Channels__WebChat__MaxConversationsPerIpPerHour"] = "100000",
        ["IntegrationBot__Channels__WebChat__TokensPerIpPerMinute"] = "100000",
        ["IntegrationBot__Limits__MessagesPerIpPerMinute"] = "1000000",
        ["IntegrationBot__Limits__DirectLineRequestsPerIpPerMinute"] = "1000000",
        ["IntegrationBot__Channels__WebChat__MaxStreamsPerIp"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__IntegrationBot.Bot.Hosting"] = "Information",
    };

    [Fact]
    public async Task Killing_the_host_mid_load_loses_no_accepted_message_and_answers_each_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync(Settings);
        using var client = new DirectLineHttp(host.BaseAddress);
        var clock = Stopwatch.StartNew();

        var conversations = new List<Conversation>();
        foreach (var batch in Enumerable.Range(0, Conversations).Chunk(20))
        {
            conversations.AddRange(await Task.WhenAll(batch.Select(_ => client.OpenAsync(ct))));
        }

        var opened = clock.Elapsed;
        var messages = conversations.SelectMany((c, i) => Enumerable.Range(0, MessagesPerConversation)
            .Select(n => new SentMessage(c, $"crash-test {i}-{n}"))).ToList();
        var accepted = 0;
        var killAt = messages.Count * 3 / 10;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Every user types their messages one after another; all 200 users at once.
        var users = messages.GroupBy(m => m.Conversation).Select(async user =>
        {
            foreach (var message in user)
            {
                message.AcceptedId = message.AcceptedBeforeCrash = await client.PostAsync(message.Conversation, message.Text, message.ClientActivityId, ct);
                if (message.AcceptedId is null)
                {
                    return;
                }

                if (Interlocked.Increment(ref accepted) == killAt)
                {
                    killNow.TrySetResult();
                }
            }
        }).ToList();
        await Task.WhenAny(killNow.Task, Task.WhenAll(users));
        await host.KillAsync();
        var killedAt = clock.Elapsed;
        await Task.WhenAll(users);
        var acceptedBeforeCrash = messages.Count(m => m.AcceptedId is not null);
        Assert.InRange(acceptedBeforeCrash, killAt, messages.Count - 1);

        await host.StartAgainAsync();
        await Parallel.ForEachAsync(messages.Where(m => m.AcceptedId is null).GroupBy(m => m.Conversation), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (user, token) =>
        {
            foreach (var message in user)
            {
                // Web Chat resends with the same clientActivityID until it gets its 200.
                for (var attempt = 0; attempt < 5 && message.AcceptedId is null; attempt++)
                {
                    message.AcceptedId = await client.PostAsync(message.Conversation, message.Text, message.ClientActivityId, token);
                }
            }
        });
        Assert.All(messages, m => Assert.NotNull(m.AcceptedId));

        var resent = clock.Elapsed;
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(messages.GroupBy(m => m.Conversation), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (user, token) =>
        {
            var log = await client.ActivitiesAsync(user.Key, token);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!ReplyLedger.AllAnswered(log, user) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, token);
                log = await client.ActivitiesAsync(user.Key, token);
            }

            foreach (var problem in ReplyLedger.Problems(log, user, exactlyOneReply: false))
            {
                problems.Add(problem);
            }
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)) + "\nhost:\n" + host.Output);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"crash test: opened in {opened.TotalSeconds:F1} s, killed at {killedAt.TotalSeconds:F1} s, resent by {resent.TotalSeconds:F1} s;  {Conversations} conversations, {messages.Count} messages, {acceptedBeforeCrash} accepted before SIGKILL, " +
            $"{messages.Count - acceptedBeforeCrash} resent after restart, 0 lost, 0 duplicated, {clock.Elapsed.TotalSeconds:F1} s");
    }
}

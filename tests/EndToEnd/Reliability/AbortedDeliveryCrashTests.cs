using System.Diagnostics;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>
/// Issue 13's done-when: the real host process is SIGKILLed four times while Telegram chats (through the real webhook
/// and client, against a fake Bot API) and web chat pages (Direct Line over real HTTP) talk to it at once, and some
/// senders hang up right after writing their message, before the answer (Telegram then redelivers the update at once,
/// Web Chat resends the message with the same clientActivityID). After the restarts every message is answered, and
/// the replies sent twice are at most those in flight at the kills.
/// </summary>
public sealed class AbortedDeliveryCrashTests
{
    private const int Kills = 4;
    private const int TelegramChats = 100;
    private const int WebChatPages = 50;
    private const string Token = TelegramCrashDuplicatesTests.Token;
    private const string Secret = TelegramCrashDuplicatesTests.Secret;
    private static readonly string[] TelegramTexts = ["Zdravo", "How do I register my address?", "Kje je upravna enota?", "hvala"];
    private const int WebChatMessages = 4;

    [Fact]
    public async Task Four_kills_under_Telegram_and_web_chat_load_lose_no_message_even_one_whose_first_delivery_was_aborted()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var clock = Stopwatch.StartNew();
        var apiPort = HostProcess.FreePort();
        await using var api = await CountingTelegramApi.StartAsync(apiPort, Token);
        var settings = TelegramCrashDuplicatesTests.Settings(apiPort);
        settings["IntegrationBot__Limits__MessagesPerUserPerMinute"] = "1000"; // a page's resends count too
        await using var host = await HostProcess.StartAsync(settings);
        // 120 s as in TelegramCrashDuplicatesTests: a restarted host answering every chat at once on a busy 2-core machine
        // took over 30 s once, and a post that times out after the last restart ends its sender with the update unacknowledged.
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        using var webChat = new DirectLineHttp(host.BaseAddress);

        // Every other message (a different one in each chat) is first delivered by a sender that hangs up after the body:
        // half of those reset the connection, half close it, at once or up to 40 ms later (while the turn runs).
        var telegram = Enumerable.Range(0, TelegramChats).Select(chat => new Queue<Delivery>(TelegramTexts.Select((text, n) =>
        {
            var update = TelegramCrashDuplicatesTests.Update(chat, n, text);
            return new Delivery(
                (chat + n) % 2 == 0,
                token => HangUpPost.SendAsync(host.BaseAddress, "/api/telegram", new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = Secret }, update, reset: chat % 4 < 2, HangUpDelay(chat + n), token),
                token => TelegramCrashDuplicatesTests.PostAsync(http, update, token));
        }))).ToList();

        var pages = new List<WebChatPage>();
        foreach (var batch in Enumerable.Range(0, WebChatPages).Chunk(10))
        {
            pages.AddRange((await Task.WhenAll(batch.Select(_ => webChat.OpenAsync(ct)))).Select(c => new WebChatPage(c)));
        }

        var webChatQueues = pages.Select((page, i) => new Queue<Delivery>(Enumerable.Range(0, WebChatMessages).Select(n =>
        {
            var message = new SentMessage(page.Conversation, $"crash-test {i}-{n}");
            page.Messages.Add(message);
            return new Delivery(
                (i + n) % 2 == 1,
                token => webChat.HangUpAfterPostingAsync(page.Conversation, message.Text, message.ClientActivityId, reset: i % 4 < 2, HangUpDelay(i + n), token),
                async token =>
                {
                    message.AcceptedId = await webChat.PostAsync(page.Conversation, message.Text, message.ClientActivityId, token);
                    if (message.AcceptedId is null)
                    {
                        return false;
                    }

                    // The page reads on from its watermark after each message, as a polling Web Chat does.
                    await TryAsync(() => page.PollAsync(webChat, token));
                    return true;
                });
        }))).ToList();

        var senders = telegram.Concat(webChatQueues).ToList();
        var all = senders.SelectMany(q => q).ToList();
        var acknowledged = 0;
        var kills = new List<string>();
        var telegramInFlight = new List<int>();
        var killedAt = new List<long>();
        IReadOnlyCollection<string> liveProblems = [];
        var opened = clock.Elapsed;

        for (var kill = 1; kill <= Kills + 1; kill++)
        {
            // The first half of the kills fall while messages come in, the others while the replies go out (Telegram's
            // pace, 25/s, spreads them over about 20 s): after a third of what is still to be sent of at least one
            // reply per update.
            var killAt = kill <= Kills / 2 ? all.Count * kill / ((Kills / 2) + 1) : int.MaxValue;
            var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Each sender sends its next message once the previous one was acknowledged, as Telegram does per chat and
            // as a person waits for their message to show as sent.
            var running = senders.Select(async queue =>
            {
                while (queue.TryPeek(out var delivery))
                {
                    if (!await delivery.DeliverAsync(ct))
                    {
                        return;
                    }

                    queue.Dequeue();
                    if (Interlocked.Increment(ref acknowledged) >= killAt)
                    {
                        killNow.TrySetResult();
                    }
                }
            }).ToList();
            if (kill > Kills)
            {
                await Task.WhenAll(running);
                break;
            }

            if (kill <= Kills / 2)
            {
                await Task.WhenAny(killNow.Task, Task.WhenAll(running));
            }
            else
            {
                if (kill == (Kills / 2) + 1)
                {
                    // Before the next restart (which rebuilds what the host keeps in memory and so would hide a log stuck
                    // at an old watermark), every page must see all its messages answered.
                    await Task.WhenAll(running);
                    liveProblems = await WebChatProblemsAsync(pages, webChat, ct);
                }

                var sends = api.Sends;
                await WhenSentOrLateAsync(api, sends + (Math.Max(0, (TelegramChats * TelegramTexts.Length) - sends) / 3), ct);
            }

            var signalled = Stopwatch.GetTimestamp();
            await host.KillAsync();
            var exited = Stopwatch.GetTimestamp();
            killedAt.Add(signalled);
            await Task.WhenAll(running);
            // As in TelegramCrashDuplicatesTests: sends received before the process died and answered after the signal,
            // or within the time a delivery mark takes to reach the disk (500 ms on a busy 2-core machine) before it.
            telegramInFlight.Add(api.InFlight(signalled - (Stopwatch.Frequency / 2), exited));
            kills.Add($"kill {kill} at {clock.Elapsed.TotalSeconds:F1} s: {Volatile.Read(ref acknowledged)} of {all.Count} acknowledged, " +
                      $"{all.Count(d => d.AbortedAndUnacknowledged)} aborted first deliveries not yet acknowledged, " +
                      $"{api.Sends} Telegram sends so far, {telegramInFlight[^1]} in flight");
            await host.StartAgainAsync();
        }

        Assert.All(senders, queue => Assert.Empty(queue));
        var delivered = clock.Elapsed;

        // Web chat, again after the last restart.
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>(liveProblems.Concat(await WebChatProblemsAsync(pages, webChat, ct)));

        // Telegram: once every chat has what the others have (a send that failed to connect waits in the outbox's
        // backoff, which a graceful stop does not wait for), a graceful stop delivers what is still owed; then the file
        // says which turns committed and how many replies each chat was owed, and the fake Bot API what each chat received.
        var chats = Enumerable.Range(0, TelegramChats).Select(chat => 7_000_000L + chat).ToList();
        await api.WaitUntilChatsLevelAsync(chats, TimeSpan.FromMinutes(3), ct);
        Assert.Equal(0, await host.TerminateAsync(TimeSpan.FromSeconds(150)));
        var records = HostRecords.Read(host.DataPath);
        // Every chat sends the same texts, so every chat is owed the same replies: those most chats received.
        var expected = chats.Select(chat => api.TextsTo(chat)).GroupBy(texts => string.Join('\u0001', texts))
            .OrderByDescending(g => g.Count()).First().First();
        Assert.True(expected.Count >= TelegramTexts.Length, $"each update is answered: {string.Join(" / ", expected)}");
        var againAfterKill = new int[Kills];
        foreach (var chat in chats)
        {
            var updates = Enumerable.Range(0, TelegramTexts.Length).Select(n => ((chat - 7_000_000) * 10) + n + 1);
            foreach (var update in updates.Where(u => !records.Processed.Contains($"telegram|{u}")))
            {
                problems.Add($"telegram chat {chat}: update {update} was acknowledged but its turn never committed");
            }

            var (missing, again, unexpected) = ResentReplies.Match(expected, api.SendsTo(chat));
            foreach (var text in missing)
            {
                problems.Add($"telegram chat {chat}: never received '{text}'");
            }

            foreach (var text in unexpected)
            {
                problems.Add($"telegram chat {chat}: received '{text}', which it was not owed");
            }
            foreach (var (_, answered) in again)
            {
                againAfterKill[Math.Max(0, killedAt.Count(k => k < answered) - 1)]++;
            }
        }

        Assert.True(problems.IsEmpty, string.Join('\n', problems.Take(30)) + "\nhost:\n" + host.Output);
        Assert.Equal((0, 0), (records.Owed, records.Dead));
        var committed = records.RepliesByConversation.Where(c => c.Key.StartsWith("telegram/", StringComparison.Ordinal)).Sum(c => c.Value);
        var twice = api.Sends - committed;
        output?.WriteLine(string.Join('\n', kills));
        output?.WriteLine(
            $"aborted-delivery crash test: {TelegramChats} Telegram chats × {TelegramTexts.Length} + {WebChatPages} web chat pages × {WebChatMessages} = {all.Count} messages, " +
            $"{all.Count(d => d.AbortsFirst)} first delivered by a sender that hung up; {Kills} SIGKILLs; opened in {opened.TotalSeconds:F1} s, all acknowledged by {delivered.TotalSeconds:F1} s, " +
            $"verified by {clock.Elapsed.TotalSeconds:F1} s; lost: 0; Telegram {committed} replies, {api.Sends} sends, sent twice {twice}, " +
            $"in flight at the kills {string.Join(" + ", telegramInFlight)} = {telegramInFlight.Sum()}, received again after each kill {string.Join(" + ", againAfterKill)}; " +
            "web chat replies duplicated: 0");
        Assert.InRange(twice, 0, telegramInFlight.Sum());
        Assert.Equal(twice, (long)againAfterKill.Sum());
    }

    private static TimeSpan HangUpDelay(int n) => TimeSpan.FromMilliseconds(n % 5 * 10);

    /// <summary>Waits for the Bot API to have received <paramref name="count"/> messages, or two minutes: if replies
    /// stopped coming the kill still happens, and the checks afterwards name what was not answered.</summary>
    private static async Task WhenSentOrLateAsync(CountingTelegramApi api, int count, CancellationToken ct)
    {
        try
        {
            await api.WaitForSendsAsync(count, ct).WaitAsync(TimeSpan.FromMinutes(2), ct);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Every page reads on from its own watermark until each of its messages is answered (or two minutes
    /// passed); then its log is checked: each message once, answered, no reply twice.</summary>
    private static async Task<IReadOnlyCollection<string>> WebChatProblemsAsync(IEnumerable<WebChatPage> pages, DirectLineHttp webChat, CancellationToken ct)
    {
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (page, token) =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            await page.PollAsync(webChat, token);
            while (!ReplyLedger.AllAnswered(page.Log, page.Messages) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, token);
                await page.PollAsync(webChat, token);
            }

            foreach (var problem in ReplyLedger.Problems(page.Log, page.Messages, exactlyOneReply: false))
            {
                problems.Add($"web chat {page.Conversation.Id}: {problem}");
            }
        });
        return problems;
    }

    /// <summary>A poll that fails because the host was just killed; the page polls again later.</summary>
    private static async Task TryAsync(Func<Task> poll)
    {
        try
        {
            await poll();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>
/// A button tapped twice in quick succession is one press. Found walking Telegram: a double tap on [Zdravstveno
/// osiguranje] sent the whole answer twice. Each tap is its own update (its own <c>update_id</c>), so the turn runner's
/// duplicate check cannot see it; the same button of the same message tapped again within a few seconds, with no other
/// tap between, is taken once.
/// </summary>
public sealed class RepeatedTapTests
{
    private const string Topic = "Zdravstveno osiguranje";

    private static string Tap(int updateId, string data = Topic, int messageId = 31) => new JsonObject
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cq-{updateId}", ["chat_instance"] = "1", ["data"] = data,
            ["from"] = new JsonObject { ["id"] = 4242, ["is_bot"] = false, ["first_name"] = "Nedim", ["language_code"] = "bs" },
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["date"] = 1700000000,
                ["chat"] = new JsonObject { ["id"] = 4242, ["type"] = "private" },
            },
        },
    }.ToJsonString();

    private static Task<HttpResponseMessage> PostAsync(TapChat chat, string update) => TelegramWebhookTests.PostAsync(chat.Host.Client, update);

    [Fact]
    public async Task Two_taps_of_the_same_button_at_once_run_one_turn_and_both_stop_spinning()
    {
        await using var chat = await TapChat.StartAsync();

        var taps = await Task.WhenAll(
            PostAsync(chat, Tap(801)),
            PostAsync(chat, Tap(802)));

        Assert.All(taps, t => Assert.Equal(HttpStatusCode.OK, t.StatusCode));
        Assert.Equal(Topic, Assert.Single(chat.Host.Inbound.Received).Text);
        Assert.Equal(2, chat.Api.CallsTo("answerCallbackQuery").Count);
    }

    [Fact]
    public async Task The_same_button_tapped_again_after_a_few_seconds_runs_again()
    {
        await using var chat = await TapChat.StartAsync();
        await PostAsync(chat, Tap(811));

        chat.Clock.Advance(TimeSpan.FromSeconds(1));
        await PostAsync(chat, Tap(812));
        Assert.Single(chat.Host.Inbound.Received);

        chat.Clock.Advance(TimeSpan.FromSeconds(5));
        await PostAsync(chat, Tap(813));
        Assert.Equal(["811", "813"], chat.Host.Inbound.Received.Select(a => a.Id));
    }

    [Fact]
    public async Task Another_button_or_the_same_button_under_another_message_is_its_own_press()
    {
        await using var chat = await TapChat.StartAsync();

        await PostAsync(chat, Tap(821));
        await PostAsync(chat, Tap(822, data: "Ljekar / doktor"));
        await PostAsync(chat, Tap(823, messageId: 35));

        Assert.Equal(["821", "822", "823"], chat.Host.Inbound.Received.Select(a => a.Id));
    }

    [Fact]
    public async Task The_same_button_again_after_another_button_is_its_own_press()
    {
        await using var chat = await TapChat.StartAsync();

        await PostAsync(chat, Tap(841));
        await PostAsync(chat, Tap(842, data: "Ljekar / doktor"));
        await PostAsync(chat, Tap(843));

        Assert.Equal(["841", "842", "843"], chat.Host.Inbound.Received.Select(a => a.Id));
    }

    [Fact]
    public async Task A_tap_Telegram_redelivers_after_a_failed_turn_is_not_taken_for_a_second_tap()
    {
        await using var chat = await TapChat.StartAsync();
        chat.Host.Inbound.FailNext = 1;

        var failed = await PostAsync(chat, Tap(831));
        var redelivered = await PostAsync(chat, Tap(831));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("831", Assert.Single(chat.Host.Inbound.Received).Id);
    }

    /// <summary>The Telegram channel (a recording bot) on a clock the test moves.</summary>
    private sealed class TapChat : IAsyncDisposable
    {
        private TapChat(FakeTelegramApi api, ChannelTestHost host, FakeTimeProvider clock) => (Api, Host, Clock) = (api, host, clock);

        public FakeTelegramApi Api { get; }

        public ChannelTestHost Host { get; }

        public FakeTimeProvider Clock { get; }

        public static async Task<TapChat> StartAsync()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
            var api = await FakeTelegramApi.StartAsync();
            var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api), s => s.AddSingleton<TimeProvider>(clock));
            return new TapChat(api, host, clock);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Api.DisposeAsync();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Issue 17.3: a person who blocked the bot (or left Viber) is shown as such, and a counselor's message to them
/// is answered with that status instead of a 200 that pretends it will arrive.</summary>
public sealed class UnreachablePersonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_to_a_person_who_blocked_the_bot_is_refused_with_the_status_and_the_handoff_shows_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "4242", "4242", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        using var maja = await host.LoginAsync("Maja", "maja-password");
        var id = ticket.RequestId;
        Assert.Equal(HttpStatusCode.OK, (await maja.PostAsync($"/api/handoffs/{id}/claim")).StatusCode);

        host.Services.GetRequiredService<IUnreachableRecipients>().Mark("telegram", "4242", UnreachableReason.Blocked);
        var refused = await maja.PostAsync($"/api/handoffs/{id}/messages", new { text = "Are you still there?" });
        var view = await maja.Http.GetFromJsonAsync<JsonElement>($"/api/handoffs/{id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("unreachable", problem.GetProperty("status").GetString());
        Assert.Equal("blocked", problem.GetProperty("reason").GetString());
        Assert.Equal("blocked", view.GetProperty("unreachable").GetString());
        Assert.DoesNotContain(host.Messenger.Sent, s => s.Contains("Are you still there?", StringComparison.Ordinal));

        host.Services.GetRequiredService<IUnreachableRecipients>().Clear("telegram", "4242");
        Assert.Equal(HttpStatusCode.OK, (await maja.PostAsync($"/api/handoffs/{id}/messages", new { text = "Welcome back." })).StatusCode);
    }

    [Fact]
    public async Task A_message_is_answered_at_once_as_pending_and_its_delivery_status_follows_in_the_details_and_on_the_stream()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "4343", "4343", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        using var maja = await host.LoginAsync("Maja", "maja-password");
        var id = ticket.RequestId;
        await maja.PostAsync($"/api/handoffs/{id}/claim");
        var changes = host.Services.GetRequiredService<HandoffEvents>().Subscribe(Ct);

        var sent = await maja.PostAsync($"/api/handoffs/{id}/messages", new { text = "Hello" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var entry = (await sent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("transcript").EnumerateArray().Last();
        Assert.Equal("pending", entry.GetProperty("delivery").GetProperty("state").GetString());
        var messageId = entry.GetProperty("messageId").GetString()!;

        await host.Queue.RecordDeliveryAsync(id, messageId, new MessageDelivery(MessageDelivery.Pending, "rate limited"), Ct);
        await host.Queue.RecordDeliveryAsync(id, messageId, new MessageDelivery(MessageDelivery.Failed, "unreachable: blocked"), Ct);

        var view = await maja.Http.GetFromJsonAsync<JsonElement>($"/api/handoffs/{id}", Ct);
        var delivery = view.GetProperty("transcript").EnumerateArray().Single(e => e.TryGetProperty("messageId", out var m) && m.GetString() == messageId).GetProperty("delivery");
        Assert.Equal(("failed", "unreachable: blocked"), (delivery.GetProperty("state").GetString(), delivery.GetProperty("reason").GetString()));
        var kinds = new List<string>();
        while (changes.TryRead(out var change))
        {
            kinds.Add(change.Kind);
        }

        Assert.Equal(2, kinds.Count(k => k == "delivery"));
    }
}

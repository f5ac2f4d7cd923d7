using System.Net;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>The sender posts an update, hangs up while its turn runs, and redelivers it at once (as Telegram and Viber
/// do after a connection reset): the redelivery must be acknowledged and the turn must complete exactly once.</summary>
internal static class HangUpScenario
{
    public static async Task RunAsync(ChannelTestHost host, Func<CancellationTokenSource?, Task<HttpResponseMessage>> post, string id)
    {
        var hold = new TaskCompletionSource();
        host.Inbound.Hold = hold;
        using var hangUp = new CancellationTokenSource();
        try
        {
            var first = post(hangUp);
            await host.Inbound.HoldStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await hangUp.CancelAsync();
            var redelivery = post(null);
            hold.SetResult();

            Assert.Equal(HttpStatusCode.OK, (await redelivery).StatusCode);
            Assert.Equal(id, (await host.Inbound.WaitForAsync(1, TimeSpan.FromSeconds(30))).Id);
            Assert.Single(host.Inbound.Received);
            await Record.ExceptionAsync(() => first); // the hung-up sender's answer, whatever it was, is lost with it
        }
        finally
        {
            hold.TrySetResult(); // a held turn would keep the host from stopping
        }
    }
}

using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Viber;

public sealed class ViberClientTests
{
    private static ViberSendMessage Hello(string receiver = "01234567890A=") =>
        new() { Receiver = receiver, Sender = new ViberSenderInfo("IntegrationBot"), Text = "Pozdravljeni" };

    [Fact]
    public async Task Send_message_carries_the_auth_token_and_reads_status_ok()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        var client = host.Services.GetRequiredService<IViberClient>();

        var answer = await client.SendMessageAsync(Hello(), TestContext.Current.CancellationToken);

        Assert.True(answer.IsOk);
        var call = Assert.Single(api.CallsTo("send_message"));
        Assert.Equal("01234567890A=", call["receiver"]!.GetValue<string>());
        Assert.Equal(1, call["min_api_version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Too_many_requests_comes_back_as_status_12()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        api.AnswerNext("send_message", 12, "tooManyRequests");

        var answer = await host.Services.GetRequiredService<IViberClient>().SendMessageAsync(Hello(), TestContext.Current.CancellationToken);

        Assert.Equal(ViberApiResponse.TooManyRequests, answer.Status);
        Assert.False(answer.IsPermanentFailure);
    }

    [Fact]
    public async Task Wrong_token_is_refused_by_the_fake_with_status_2()
    {
        await using var api = await FakeViberApi.StartAsync();
        var settings = ViberSettings.For(api);
        settings["IntegrationBot:Channels:Viber:AuthToken"] = "wrong";
        await using var host = await ChannelTestHost.StartAsync(settings);

        var answer = await host.Services.GetRequiredService<IViberClient>().SendMessageAsync(Hello(), TestContext.Current.CancellationToken);

        Assert.Equal(ViberApiResponse.InvalidAuthToken, answer.Status);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(12, false)]
    [InlineData(2, false)]
    public void Receiver_errors_are_permanent_and_rate_limits_are_not(int status, bool permanent)
    {
        Assert.Equal(permanent, new ViberApiResponse(status).IsPermanentFailure);
    }
}

using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.Common;

/// <summary>Issue 17.7: counselors' words go out as written, the Viber sender name is cut cleanly, and Viber calls us
/// only for the events the bot handles.</summary>
public sealed class AsWrittenTests
{
    private static Activity CounselorMessage(string text) => VerbatimText.Mark(new Activity
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount("42"),
        ChannelId = "telegram",
    });

    [Fact]
    public void A_counselors_asterisks_are_not_turned_bold_on_Telegram()
    {
        var request = Assert.Single(TelegramActivityMapper.ToSendMessageRequests(CounselorMessage("Bring **both** forms & <ID>"), new InMemoryCallbackDataStore()));

        Assert.Equal("Bring **both** forms &amp; &lt;ID&gt;", request.Text);
    }

    [Fact]
    public void A_counselors_asterisks_stay_on_Viber()
    {
        var message = Assert.Single(ViberActivityMapper.ToSendMessages(CounselorMessage("Bring **both** forms"), "01234567890A=", "Bot"));

        Assert.Equal("Bring **both** forms", message.Text);
    }

    [Fact]
    public void The_bots_own_bold_markers_still_work()
    {
        var reply = CounselorMessage("**Urnik**") with { ChannelData = null };

        Assert.Equal("<b>Urnik</b>", Assert.Single(TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore())).Text);
    }

    [Theory]
    [InlineData("Starting Point v Postojni – Občina Postojna", "Starting Point v Postojni")]
    [InlineData("IntegrationBot Postojna Office - Info", "IntegrationBot Postojna Offi")]
    public void A_long_bot_name_is_cut_to_28_without_a_dangling_separator(string name, string expected)
    {
        var cut = ViberActivityMapper.SenderName(name);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= 28);
    }

    [Fact]
    public void Viber_is_asked_only_for_events_the_bot_handles()
    {
        Assert.Equal(["subscribed", "unsubscribed", "conversation_started"], ViberWebhookRegistration.EventTypes);
    }
}

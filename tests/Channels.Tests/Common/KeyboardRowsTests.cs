using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Telegram;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Dialogs.Activities;
using Telegram.Bot.Types.ReplyMarkups;

namespace IntegrationBot.Channels.Tests.Common;

/// <summary>
/// Rows of buttons as a person reads them, on Telegram and Viber alike. Seen against the fake APIs: the 1–5
/// satisfaction scale came as 1 2 3 / 4 5 on Telegram and 1 2 / 3 4 / a full-width 5 on Viber, and 👍 Yes and 👎 No
/// landed on different rows whenever an odd number of topic buttons came before them.
/// </summary>
public sealed class KeyboardRowsTests
{
    private static readonly string[] Scale = ["1", "2", "3", "4", "5"];

    private static readonly string[] Feedback =
        ["More details", "Residence permit", "Tax number", "Bank account", "👍 Yes", "👎 No", "Talk to a counselor", "🌐 Change language"];

    private static readonly string[] FeedbackAfterOddTopics =
        ["More details", "Residence permit", "Tax number", "👍 Yes", "👎 No", "Talk to a counselor"];

    [Fact]
    public void A_rating_scale_is_one_row_on_telegram()
    {
        Assert.Equal(Scale, Assert.Single(TelegramRows(Scale)));
    }

    [Fact]
    public void A_rating_scale_is_one_row_on_viber()
    {
        Assert.Equal(Scale, Assert.Single(ViberRows(Scale)));
    }

    [Theory]
    [InlineData("telegram", false)]
    [InlineData("telegram", true)]
    [InlineData("viber", false)]
    [InlineData("viber", true)]
    public void Thumbs_up_and_down_share_a_row(string channel, bool oddTopics)
    {
        var titles = oddTopics ? FeedbackAfterOddTopics : Feedback;
        var rows = channel == "telegram" ? TelegramRows(titles) : ViberRows(titles);
        Assert.Contains(rows, row => row.Contains("👍 Yes") && row.Contains("👎 No"));
    }

    [Fact]
    public void Topic_buttons_keep_their_rows_on_viber()
    {
        Assert.Equal(["More details|Residence permit", "Tax number", "👍 Yes|👎 No", "Talk to a counselor"], ViberRows(FeedbackAfterOddTopics).Select(r => string.Join("|", r)));
    }

    private static SuggestedActions Buttons(IEnumerable<string> titles) => new([.. titles.Select(t => CardAction.Im(t))]);

    private static List<List<string>> TelegramRows(IEnumerable<string> titles)
    {
        var reply = TelegramActivityMapperTests.Reply("Was this helpful?") with { SuggestedActions = Buttons(titles) };
        var request = Assert.Single(TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore()));
        return [.. ((InlineKeyboardMarkup)request.ReplyMarkup!).InlineKeyboard.Select(row => row.Select(b => b.Text).ToList())];
    }

    // Viber fills a six-column row left to right and starts a new row when a button does not fit.
    private static List<List<string>> ViberRows(IEnumerable<string> titles)
    {
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = "viber", Conversation = new ConversationAccount("u"), Text = "?", SuggestedActions = Buttons(titles) };
        var rows = new List<List<string>>();
        var used = 6;
        foreach (var button in Assert.Single(ViberActivityMapper.ToSendMessages(reply, "u", "Bot")).Keyboard!.Buttons)
        {
            if (used + button.Columns > 6)
            {
                rows.Add([]);
                used = 0;
            }
            rows[^1].Add(button.Text);
            used += button.Columns;
        }
        return rows;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.Viber;

public sealed class ViberActivityMapperTests
{
    private static ViberCallback Parse(string json) => JsonSerializer.Deserialize<ViberCallback>(json, ViberJson.Options)!;

    [Fact]
    public void Text_message_becomes_a_message_activity_keyed_by_message_token()
    {
        var callback = Parse("""{"event":"message","timestamp":1457764197627,"message_token":4912661846655238145,"sender":{"id":"01234567890A=","name":"John McClane","language":"sq","country":"SI","api_version":8},"message":{"type":"text","text":"Ku mund të regjistrohem?","tracking_data":"t"}}""");

        var activity = ViberActivityMapper.ToActivity(callback, "viber-bot")!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("4912661846655238145", activity.Id);
        Assert.Equal("viber", activity.ChannelId);
        Assert.Equal("01234567890A=", activity.Conversation!.Id);
        Assert.Equal("01234567890A=", activity.From!.Id);
        Assert.Equal("sq", activity.Locale);
        Assert.Equal("Ku mund të regjistrohem?", activity.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1457764197627), activity.Timestamp);
    }

    [Theory]
    [InlineData("picture")]
    [InlineData("sticker")]
    [InlineData("location")]
    [InlineData("file")]
    public void Non_text_message_has_no_text_and_a_marker(string type)
    {
        var callback = Parse("""{"event":"message","message_token":1,"sender":{"id":"u"},"message":{"type":"TYPE","media":"http://x"}}""".Replace("TYPE", type, StringComparison.Ordinal));

        var activity = ViberActivityMapper.ToActivity(callback, "b")!;

        Assert.Null(activity.Text);
        Assert.Equal(type, activity.ChannelData!.Value.GetProperty("nonText").GetString());
    }

    [Fact]
    public void A_picture_with_a_description_is_read_by_its_words_and_keeps_its_marker()
    {
        var callback = Parse("""{"event":"message","message_token":1,"sender":{"id":"u"},"message":{"type":"picture","media":"http://x","text":"kaj je to pismo"}}""");

        var activity = ViberActivityMapper.ToActivity(callback, "b")!;

        Assert.Equal("kaj je to pismo", activity.Text);
        Assert.Equal("picture", activity.ChannelData!.Value.GetProperty("nonText").GetString());
    }

    [Fact]
    public void Conversation_started_becomes_a_conversation_update_for_the_welcome()
    {
        var callback = Parse("""{"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,"type":"open","context":"ctx","user":{"id":"01234567890A=","name":"John","language":"ar","country":"SI","api_version":1},"subscribed":false}""");

        var activity = ViberActivityMapper.ToConversationUpdate(callback, "b")!;

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("01234567890A=", Assert.Single(activity.MembersAdded!).Id);
        Assert.Equal("ar", activity.Locale);
    }

    [Fact]
    public void Suggested_actions_become_a_reply_keyboard_six_columns_wide()
    {
        var reply = Reply("Izberite jezik") with
        {
            SuggestedActions = new SuggestedActions([
                CardAction.Im("Slovenščina", "sl"), CardAction.Im("English", "en"), CardAction.Im("Bosanski / Hrvatski / Srpski", "hbs"),
            ]),
        };

        var message = Assert.Single(ViberActivityMapper.ToSendMessages(reply, "u1", "IntegrationBot Postojna"));

        Assert.Equal("u1", message.Receiver);
        var buttons = message.Keyboard!.Buttons;
        Assert.All(buttons, b => Assert.Equal("reply", b.ActionType));
        Assert.Equal(["sl", "en", "hbs"], buttons.Select(b => b.ActionBody));
        Assert.Equal(["Slovenščina", "English", "Bosanski / Hrvatski / Srpski"], buttons.Select(b => b.Text));
        Assert.All(buttons, b => Assert.True(6 % b.Columns == 0));
        Assert.Equal(6, buttons[^1].Columns);
    }

    [Fact]
    public void A_short_button_left_alone_in_its_row_takes_the_whole_row()
    {
        // Viber fills a six-column row left to right and moves a button that does not fit to the next row: a half-width
        // button before a full-width one stood alone beside an empty half (the menu's "My first steps").
        var reply = Reply("Choose a category:") with
        {
            SuggestedActions = new SuggestedActions([
                CardAction.Im("My first steps"), CardAction.Im("Documents and residence"), CardAction.Im("Health"),
                CardAction.Im("Work"), CardAction.Im("Housing"), CardAction.Im("Talk to a counselor"), CardAction.Im("The office"),
            ]),
        };

        var buttons = Assert.Single(ViberActivityMapper.ToSendMessages(reply, "u1", "Bot")).Keyboard!.Buttons;

        Assert.Equal([6, 6, 3, 3, 6, 6, 6], buttons.Select(b => b.Columns));
    }

    [Fact]
    public void An_address_isolated_in_arabic_text_is_read_whole_by_a_linkifier()
    {
        // The flows isolate a Latin address in Arabic (U+2066 … U+2069). Viber links plain text itself, and a linkifier
        // that takes every non-space character (Android's pattern does) read ".../oj\u2069": a broken address.
        var reply = Reply("\u200Fالمصدر:\n\u2066https://eur-lex.europa.eu/eli/dir/2014/92/oj\u2069\nاتصل ⁦112⁩");

        var text = Assert.Single(ViberActivityMapper.ToSendMessages(reply, "u1", "Bot")).Text;

        Assert.Equal("https://eur-lex.europa.eu/eli/dir/2014/92/oj", Regex.Match(text, @"https?://\S+").Value);
        Assert.Contains("\u2066https://eur-lex.europa.eu/eli/dir/2014/92/oj \u2069", text, StringComparison.Ordinal);
        Assert.EndsWith("اتصل ⁦112⁩", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_name_is_cut_to_28_characters()
    {
        var message = ViberActivityMapper.ToSendMessages(Reply("hi"), "u", "Občina Postojna — svetovalnica za migrante")[0];

        Assert.Equal(28, message.Sender.Name.Length);
    }

    [Fact]
    public void Text_over_7000_is_split_and_every_message_json_stays_under_30_KB()
    {
        var text = string.Concat(Enumerable.Repeat("يمكنك التسجيل في الوحدة الإدارية في بوستوينا. ", 400));
        var actions = Enumerable.Range(0, 200).Select(i => CardAction.Im($"زر رقم {i} " + new string('ب', 60), $"v{i}" + new string('ا', 200))).ToList();
        var reply = Reply(text) with { SuggestedActions = new SuggestedActions(actions) };

        var messages = ViberActivityMapper.ToSendMessages(reply, "u", "Bot");

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.InRange(m.Text.Length, 1, 7000));
        Assert.All(messages, m => Assert.True(JsonSerializer.SerializeToUtf8Bytes(m, ViberJson.Options).Length <= 30 * 1024));
        Assert.NotEmpty(messages[^1].Keyboard!.Buttons);
    }

    [Fact]
    public void Hero_card_is_sent_as_text_with_its_buttons()
    {
        var card = new HeroCard("**Zdravnik**", null, "Izberite osebnega zdravnika.", [CardAction.Im("Več", "doctor-more")]);

        var message = Assert.Single(ViberActivityMapper.ToSendMessages(Reply(null) with { Attachments = [Attachment.FromHeroCard(card)] }, "u", "Bot"));

        Assert.Equal("Zdravnik\n\nIzberite osebnega zdravnika.", message.Text);
        Assert.Equal("doctor-more", message.Keyboard!.Buttons.Single().ActionBody);
    }

    private static Activity Reply(string? text) => new()
    {
        Type = ActivityTypes.Message, ChannelId = "viber", Conversation = new ConversationAccount("u"), Text = text,
    };
}

using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Input;
using System.Text.Json;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person in trouble writes their whole story, and someone with a counselor writes to a person, not to a search box:
/// neither may be lost to the length limit or to "I can only understand words" (found walking Telegram and Viber: a
/// 2,042-character story ending in "I want to kill myself" got only "Your message is too long").
/// </summary>
public sealed class LongAndWordlessMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Story(int length, string ending)
    {
        const string Line = "We came to Postojna in spring and I do not know anybody here and my papers are not finished. ";
        var story = string.Concat(Enumerable.Repeat(Line, length / Line.Length + 1));
        return story[..(length - ending.Length)] + ending;
    }

    [Theory]
    [InlineData(2_042)]
    [InlineData(6_000)]
    public async Task A_long_story_that_ends_in_danger_gets_the_crisis_line(int length)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync(Story(length, " My husband hits me again and I want to kill myself."));

        Assert.DoesNotContain(replies, r => r.Text?.StartsWith("Your message is too long", StringComparison.Ordinal) == true);
        Assert.Contains(replies, r => r.Text?.Contains("116 123", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_message_up_to_telegrams_own_limit_is_read()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync(Story(4_000, " How do I open a bank account?"));

        Assert.DoesNotContain(replies, r => r.Text?.StartsWith("Your message is too long", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_very_long_message_without_danger_and_without_a_counselor_is_still_refused_politely()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync(Story(6_000, " How do I open a bank account?"));

        Assert.Equal(bot.Text(Language.English, "input.tooLong", new Dictionary<string, string> { ["max"] = "4096" }), Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData(2_002)]
    [InlineData(6_000)]
    public async Task A_long_message_to_a_counselor_reaches_the_counselor_whole(int length)
    {
        await using var bot = FlowHarness.Create();
        var request = await bot.WithCounselorAsync(Language.English);
        var story = Story(length, " Please help me with the letter.");

        var replies = await bot.SendAsync(story);

        Assert.Empty(replies);
        Assert.Contains((await bot.Queue.GetAsync(request.Id, Ct))!.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == story);
    }

    [Theory]
    [InlineData("😭😭")]
    [InlineData("🆘")]
    [InlineData("🙏")]
    public async Task Emoji_alone_reach_the_counselor_the_person_is_talking_to(string emoji)
    {
        await using var bot = FlowHarness.Create();
        var request = await bot.WithCounselorAsync(Language.English);

        var replies = await bot.SendAsync(emoji);

        Assert.Empty(replies);
        Assert.Contains((await bot.Queue.GetAsync(request.Id, Ct))!.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == emoji);
    }

    /// <summary>Seen on Telegram: with a counselor holding the chat, a voice message got "Sorry, I can only read text
    /// messages" and the counselor saw nothing at all; a photo captioned "this is the letter from the hospital" reached
    /// them as the caption alone, and the person believed the letter had been seen.</summary>
    [Fact]
    public async Task A_voice_message_or_a_photo_to_the_counselor_is_announced_to_them_and_the_person_is_asked_for_words()
    {
        await using var bot = FlowHarness.Create();
        var request = await bot.WithCounselorAsync(Language.English);

        var voice = bot.Adapter.MakeMessage(null) with { ChannelData = JsonDocument.Parse("""{"nonText":"voice"}""").RootElement };
        Assert.Equal(bot.Text(Language.English, "input.nonTextToCounselor"), Assert.Single(await bot.SendAsync(voice)).Text);
        var photo = bot.Adapter.MakeMessage("this is the letter from the hospital") with { Attachments = [new Attachment("image/jpeg", ContentUrl: "https://example.org/p.jpg")] };
        Assert.Equal(bot.Text(Language.English, "input.nonTextToCounselor"), Assert.Single(await bot.SendAsync(photo)).Text);

        var said = (await bot.Queue.GetAsync(request.Id, Ct))!.Transcript.Where(e => e.Author == TranscriptAuthor.User).Select(e => e.Text).ToList();
        Assert.Contains(InputGuardMiddleware.UnshownMarker, said);
        Assert.Contains("this is the letter from the hospital\n" + InputGuardMiddleware.UnshownMarker, said);
    }

    [Fact]
    public async Task Emoji_alone_to_the_bot_still_get_the_polite_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync("😭😭");

        Assert.Equal(bot.Text(Language.English, "input.onlyEmoji"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task A_first_message_that_is_too_long_is_refused_in_the_language_it_is_written_in()
    {
        await using var bot = FlowHarness.Create();

        var arabic = string.Concat(Enumerable.Repeat("أنا جديد في بوستوينا ولا أعرف أين أذهب للحصول على الأوراق. ", 120));
        var replies = await bot.SendAsync(arabic, locale: "ar");

        Assert.Equal(bot.Text(Language.Arabic, "input.tooLong", new Dictionary<string, string> { ["max"] = "4096" }), Assert.Single(replies).Text);
    }
}

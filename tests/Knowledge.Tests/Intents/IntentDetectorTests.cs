using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Intents;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>The cue syntax of intents.yaml: phrases with gaps and prefixes, whole-message cues and filler words.</summary>
public sealed class IntentDetectorTests
{
    private static readonly IntentDetector Detector = new(new IntentCues(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["en"] = ["~ please hi a an", "talk* someone", "= operator*", "= is anyone there", "!career* counselor*"],
            ["hbs"] = ["~ molim", "= operat*", "me nazva*", "me nazov*"],
        },
        new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["on fire", "son missing !school* !passport", "not moving !out !!car* !!queue"] },
        new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["= hello", "= good morning"] },
        new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["= thank you", "= bye"] }));

    [Theory]
    [InlineData("operator")]
    [InlineData("Operator!!")]
    [InlineData("an operator please")]
    [InlineData("hi, operators please")]
    [InlineData("operatera molim")]
    [InlineData("ОПЕРАТЕРУ")]
    [InlineData("is anyone there?")]
    [InlineData("hi is anyone there")]
    public void Whole_message_cue_matches_the_word_alone_or_with_fillers(string text) =>
        Assert.Equal(IntentKind.Handoff, Detector.Detect(text));

    [Theory]
    [InlineData("hello")]
    [InlineData("Hello!! please")]
    [InlineData("GOOD MORNING")]
    [InlineData("hi, good morning")]
    public void A_message_of_only_greeting_words_is_a_greeting(string text) =>
        Assert.Equal(IntentKind.Greeting, Detector.Detect(text));

    [Theory]
    [InlineData("Thank you!")]
    [InlineData("thank you, bye")]
    [InlineData("hi, thank you")]
    public void Thanks_and_closing_words_alone_are_thanks(string text) =>
        Assert.Equal(IntentKind.Thanks, Detector.Detect(text));

    [Theory]
    [InlineData("hello, where is the office")]
    [InlineData("good morning operator")]
    [InlineData("hi")]
    public void A_greeting_with_anything_else_is_not_a_greeting(string text) =>
        Assert.NotEqual(IntentKind.Greeting, Detector.Detect(text));

    [Theory]
    [InlineData("which mobile operator is cheapest")]
    [InlineData("telefonski operater pogodba")]
    [InlineData("is anyone there at the office on monday")]
    [InlineData("anyone there")]
    public void Whole_message_cue_does_not_match_inside_a_longer_question(string text) =>
        Assert.Equal(IntentKind.None, Detector.Detect(text));

    [Theory]
    [InlineData("can i talk to someone")]
    [InlineData("I want to talk with someone real")]
    [InlineData("možete li me nazvati")]
    [InlineData("можете ли да ме назовете")]
    public void Phrase_cue_matches_anywhere_with_small_gaps_and_inflection(string text) =>
        Assert.Equal(IntentKind.Handoff, Detector.Detect(text));

    [Fact]
    public void Phrase_cue_words_too_far_apart_do_not_match() =>
        Assert.Equal(IntentKind.None, Detector.Detect("talk about the rent with the landlord or someone"));

    [Fact]
    public void Filler_list_is_not_itself_a_cue() =>
        Assert.Equal(IntentKind.None, Detector.Detect("please a hi"));

    [Theory]
    [InlineData("my son is missing", IntentKind.Emergency)]
    [InlineData("my son is missing since noon", IntentKind.Emergency)]
    [InlineData("my son is missing school", IntentKind.None)]
    [InlineData("my son is missing schools", IntentKind.None)]
    [InlineData("my son is missing passport", IntentKind.None)]
    [InlineData("my son is missing, his phone is off", IntentKind.Emergency)]
    public void A_word_after_an_exclamation_mark_may_not_follow_the_cue(string text, IntentKind kind) =>
        Assert.Equal(kind, Detector.Detect(text));

    [Theory]
    [InlineData("counselor please", IntentKind.Handoff)]
    [InlineData("i need a counselor", IntentKind.Handoff)]
    [InlineData("a career counselor", IntentKind.None)]
    [InlineData("careers counselors", IntentKind.None)]
    [InlineData("career, and then a counselor", IntentKind.Handoff)]
    public void A_word_with_an_exclamation_mark_before_a_cue_may_not_precede_it(string text, IntentKind kind) =>
        Assert.Equal(kind, Detector.Detect(text));

    // "my uncle is not moving" is a danger whoever it is said of; "my car is not moving" is not: a word written with two
    // exclamation marks may stand nowhere in the message, so the cue need not list every person it can be said of.
    [Theory]
    [InlineData("my uncle is not moving", IntentKind.Emergency)]
    [InlineData("the old lady on the floor is not moving, help", IntentKind.Emergency)]
    [InlineData("my car is not moving", IntentKind.None)]
    [InlineData("not moving, my cars engine died", IntentKind.None)]
    [InlineData("the queue at the office is not moving", IntentKind.None)]
    [InlineData("I am not moving out", IntentKind.None)]
    public void A_word_with_two_exclamation_marks_may_not_stand_anywhere_in_the_message(string text, IntentKind kind) =>
        Assert.Equal(kind, Detector.Detect(text));

    // Read once per message whatever the number of places the cue could start: linear, like the rest of the cue syntax.
    [Fact]
    public void A_long_message_of_false_starts_with_an_excluded_word_matches_nothing() =>
        Assert.Equal(IntentKind.None, Detector.Detect(string.Concat(Enumerable.Repeat("not moving not moving ", 5000)) + "car"));

    [Fact]
    public void Emergency_wins_over_handoff() =>
        Assert.Equal(IntentKind.Emergency, Detector.Detect("the flat is on fire, can i talk to someone"));

    // The cues are tried where their first word stands, each message read once (a long message of a repeated phrase
    // took seconds when each such word read the whole message again): the same answers wherever the words stand.
    [Theory]
    [InlineData(1, IntentKind.Emergency)]
    [InlineData(2000, IntentKind.Emergency)]
    public void A_cue_after_many_false_starts_is_found(int falseStarts, IntentKind kind) =>
        Assert.Equal(kind, Detector.Detect(string.Concat(Enumerable.Repeat("son school ", falseStarts)) + "my son is missing"));

    [Fact]
    public void Many_false_starts_alone_match_nothing() =>
        Assert.Equal(IntentKind.None, Detector.Detect(string.Concat(Enumerable.Repeat("my son is missing school, talk about ", 2000))));

    [Theory]
    [InlineData("hi hi hi hi hi operator please please", IntentKind.Handoff)]
    [InlineData("hello hello", IntentKind.Greeting)]
    [InlineData("hello hi hello please hello", IntentKind.Greeting)]
    [InlineData("hi hi hi hi hi operator operator", IntentKind.None)]
    public void A_whole_message_cue_reads_each_word_as_its_own_or_as_a_filler(string text, IntentKind kind) =>
        Assert.Equal(kind, Detector.Detect(text));

    [Fact]
    public void A_long_message_of_fillers_and_one_whole_message_cue_is_that_cue() =>
        Assert.Equal(IntentKind.Handoff, Detector.Detect(string.Concat(Enumerable.Repeat("please hi ", 3000)) + "operator"));
}

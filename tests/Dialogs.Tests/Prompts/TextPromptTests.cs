using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task Text_answer_in_any_script_is_returned()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new PromptBot(adapter, new TextPrompt("text"), PromptOptions.Text("Vaše ime?")))
            .Send("hi").AssertReply("Vaše ime?")
            .Send("  Јована  ").AssertReply("answer:Јована")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Message_without_text_is_reprompted_and_typing_is_ignored()
    {
        var adapter = TestAdapter.InMemory();
        var photo = adapter.MakeMessage(null) with { Attachments = [new Attachment("image/jpeg", ContentUrl: "https://example.org/p.jpg")] };
        await new TestFlow(adapter, new PromptBot(adapter, new TextPrompt("text"), PromptOptions.Text("Your name?", "Please type your name.") with { MaxRetries = 1 }))
            .Send("hi").AssertReply("Your name?")
            .Send(adapter.MakeMessage(null) with { Type = ActivityTypes.Typing }).AssertNoReply()
            .Send(photo).AssertReply("Please type your name.")
            .Send(photo with { Id = "in-photo-2" }).AssertReply("no answer")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }
}

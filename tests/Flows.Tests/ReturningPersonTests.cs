using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person the conversation already knows opens it again. Found on Viber: after unsubscribing, a person who opened the
/// chat again got nothing, though the answer to that opening is the one message Viber lets the bot send them.
/// </summary>
public sealed class ReturningPersonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_the_chat_again_greets_the_person_in_their_language_with_the_menu()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Open("bs")
            .AssertReply(
                "Zdravo! Odgovaram na pitanja o životu u Postojni: dokumenti i boravak, zdravlje, posao, škola i kursevi jezika, stanovanje i drugo. Napišite pitanje svojim riječima ili izaberite oblast:",
                "Moji prvi koraci", "Dokumenti i boravak", "Zdravlje", "Posao", "Jezik i obrazovanje", "Porodica i djeca",
                "Novac i socijalna pomoć", "Stanovanje", "Prevoz i vožnja", "Sigurnost i hitni slučajevi", "Kancelarija",
                "Razgovor sa savjetnikom")
            .AssertNoReply()
            .Send("Zdravlje").AssertReplyContains("Zdravlje")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Opening_the_chat_again_before_the_privacy_choice_shows_the_notice_again()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        await bot.Flow()
            .Open("en")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Before we start: I keep your messages", reply.Text, StringComparison.Ordinal);
                Assert.Equal(["Accept", "Read more", "Decline", "🌐 Change language"], reply.Buttons());
            })
            .AssertNoReply()
            .Send("Accept").AssertReply("Thank you. Ask me anything, or choose a topic.")
            .StartTestAsync(Ct);
    }
}

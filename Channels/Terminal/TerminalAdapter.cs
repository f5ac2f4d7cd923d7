using System.Text;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Terminal;

/// <summary>Turns lines typed in the terminal into activities of one local user's conversation.</summary>
public sealed class TerminalAdapter(TurnRunner runner, TerminalConsole console, TimeProvider time)
{
    public const string ChannelId = "terminal";

    private static readonly ChannelAccount Bot = new("integrationbot", "IntegrationBot", RoleTypes.Bot);

    /// <summary>Announces the user joining, as chat clients do when a session opens.</summary>
    public Task<TurnResult> StartSessionAsync(string userName, IBot bot, CancellationToken cancellationToken)
    {
        var user = User(userName);
        return runner.ProcessActivityAsync(Base(userName) with
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [user],
        }, bot, cancellationToken);
    }

    /// <summary>Runs one typed line as a message turn; a number or button title becomes the button's value.</summary>
    public Task<TurnResult> ProcessLineAsync(string userName, string line, IBot bot, CancellationToken cancellationToken) =>
        runner.ProcessActivityAsync(Base(userName) with
        {
            Type = ActivityTypes.Message,
            Text = console.Resolve(line),
            TextFormat = "plain",
        }, bot, cancellationToken);

    /// <summary>A stable conversation id per local user name, so the conversation continues across runs.</summary>
    public static string ConversationIdFor(string userName)
    {
        var builder = new StringBuilder("local-");
        foreach (var c in userName.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString();
    }

    private Activity Base(string userName) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelId,
        Timestamp = time.GetUtcNow(),
        Conversation = new ConversationAccount(ConversationIdFor(userName)),
        From = User(userName),
        Recipient = Bot,
    };

    private static ChannelAccount User(string userName) => new(ConversationIdFor(userName), userName, RoleTypes.User);
}

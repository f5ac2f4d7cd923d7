using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// The limit on what a person may send (section IntegrationBot:Bot, beside the flows' own settings): the channels
/// need it before a turn runs (a refused message's text is not kept), the flows to say why it was refused.
/// </summary>
public sealed class InputOptions
{
    public const string Section = "IntegrationBot:Bot";

    /// <summary>Longer messages are refused politely and not answered (still read for danger and still passed to a
    /// counselor the person is waiting for or talking to). Telegram's own limit: a whole Telegram message is read.</summary>
    [Range(10, 100_000)]
    public int MaxMessageLength { get; set; } = 4096;
}

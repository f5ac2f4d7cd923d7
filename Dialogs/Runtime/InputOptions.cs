using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// The limits on what a person may send (section IntegrationBot:Bot, beside the flows' own settings): the channels
/// need them before a turn runs (a message the bot does not read is not kept), the flows to say why it was refused.
/// </summary>
public sealed class InputOptions : IValidatableObject
{
    public const string Section = "IntegrationBot:Bot";

    /// <summary>Longer messages are refused politely and not answered (still read for danger and still passed to a
    /// counselor the person is waiting for or talking to). Telegram's own limit: a whole Telegram message is read.</summary>
    [Range(10, 100_000)]
    public int MaxMessageLength { get; set; } = 4096;

    /// <summary>A message over <see cref="MaxMessageLength"/> is still read this far: for danger, for the counselor the
    /// person waits for or talks to, and kept in the web chat's log so the person sees what they wrote (to copy and
    /// shorten). Longer messages are refused unread and their text is not kept.</summary>
    [Range(10, 1_000_000)]
    public int MaxReadLength { get; set; } = 20_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxReadLength < MaxMessageLength)
        {
            yield return new ValidationResult(
                $"{nameof(MaxReadLength)} ({MaxReadLength}) must be at least {nameof(MaxMessageLength)} ({MaxMessageLength}).",
                [nameof(MaxReadLength)]);
        }
    }
}

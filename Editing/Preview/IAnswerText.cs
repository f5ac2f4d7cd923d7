namespace IntegrationBot.Editing.Preview;

/// <summary>
/// A topic's text as the bot writes it for the person (office and directory filled in, sources listed, in the reader's
/// script and direction), in messages. The seam to the bot's own rendering, which lives in a layer Editing does not
/// reference; the host supplies it, so the preview cannot drift from what is sent.
/// </summary>
public interface IAnswerText
{
    IReadOnlyList<string> Parts(string text, IReadOnlyList<string> sources, string language, bool cyrillic);
}

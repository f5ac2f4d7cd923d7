using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// A topic's answer or details as the person reads them, in messages: office and local directory filled in, the [n]
/// source markers replaced by a "Source:" block with the addresses the text cites, in the reader's script and
/// direction. The bot's answers and the editor's preview both come from here, so the preview is what is sent.
/// </summary>
public sealed class AnswerText(Localizer localizer, OfficeInfo office, KnowledgeEngine engine, IOptions<FlowOptions> options)
{
    /// <summary>The messages for <paramref name="raw"/> (a topic's text with placeholders and markers) read in <paramref name="voice"/>.</summary>
    public IReadOnlyList<string> Parts(string raw, IReadOnlyList<string> sources, Voice voice)
    {
        var (body, sourceBlock) = Text(raw, sources, voice);
        var max = options.Value.MaxReplyLength;
        var parts = AnswerSplitter.Split(body, max).ToList();
        if (sourceBlock is null)
        {
            return parts;
        }

        // The "Source:" block is never cut: a split inside it left an address alone in a message of its own, without
        // its label. It ends the last message if it fits there, else it follows it.
        if (parts.Count > 0 && parts[^1].Length + 2 + sourceBlock.Length <= max)
        {
            // Inside a message the block needs no right-to-left mark of its own: the message starts with one.
            parts[^1] += "\n\n" + (sourceBlock.StartsWith(BidiText.RightToLeftMark) ? sourceBlock[1..] : sourceBlock);
        }
        else
        {
            parts.AddRange(AnswerSplitter.Split(sourceBlock, max));
        }

        return parts;
    }

    /// <summary>The words for unconfigured office details in <paramref name="language"/>.</summary>
    public static OfficeFallback OfficeFallbackFor(Localizer localizer, string language) =>
        new(localizer.Get(language, "office.notConfigured"), localizer.Get(language, "office.askOffice"));

    // Placeholders filled (office, then directory: an unconfirmed institution's line becomes "ask the office"), the
    // [n] source markers replaced by a "Source:" block with the URLs the text cites, both rendered for the person's script.
    private (string Body, string? Sources) Text(string raw, IReadOnlyList<string> sources, Voice voice)
    {
        var language = voice.Language;
        var officeFallback = OfficeFallbackFor(localizer, language);
        var shownOffice = office.ShownIn(language);
        var filled = StepNumbers.Consecutive(OfficePlaceholders.Fill(raw, shownOffice, officeFallback));
        if (filled.Contains("{dir.", StringComparison.Ordinal))
        {
            // Only answers that name an institution need the "ask the office" lines.
            string Ask(string key) => OfficePlaceholders.Fill(localizer.Get(language, key), shownOffice, officeFallback);
            filled = DirectoryPlaceholders.Fill(filled, engine.Catalog.Directory, language, Ask("answer.directoryAskOffice"), Ask("answer.directoryAskOfficeOther"));
        }

        var cited = SourceMarkers.CitedUrls(raw, sources);
        var body = Localizer.Render(voice, SourceMarkers.Strip(filled));
        return cited.Count == 0
            ? (body, null)
            : (body, Localizer.Render(voice, localizer.Get(language, "answer.source") + "\n" + string.Join("\n", cited)));
    }
}

using IntegrationBot.Editing.Preview;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The editor's preview writes an answer with the bot's own <see cref="AnswerText"/>.</summary>
internal sealed class FlowsAnswerText(AnswerText answerText) : IAnswerText
{
    public IReadOnlyList<string> Parts(string text, IReadOnlyList<string> sources, string language, bool cyrillic) =>
        answerText.Parts(text, sources, new Voice(language, cyrillic && language == Language.Bcs));
}

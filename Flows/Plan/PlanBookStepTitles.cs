using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Plan;

/// <summary>Step titles for the console from plan.yaml: English as before, and in each language for the page's choice.</summary>
public sealed class PlanBookStepTitles(PlanBook book) : IPlanStepTitles
{
    public string? TitleOf(string stepId) => book.Find(stepId)?.TitleIn(Language.English);

    public IReadOnlyDictionary<string, string>? TitlesOf(string stepId) => book.Find(stepId) is { } step ? InEveryLanguage(step) : null;

    /// <summary>The title by language code (English where a language lacks one), without the [[…]] marks that only
    /// keep a name Latin in a Cyrillic reply: a counselor reads the console in Latin.</summary>
    public static IReadOnlyDictionary<string, string> InEveryLanguage(PlanStep step) =>
        Language.All.ToDictionary(language => language, language => CyrillicTransliterator.StripLatinMarks(step.TitleIn(language)), StringComparer.Ordinal);
}

namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>Counts for one language (or overall) in an evaluation run; rates are 0..1, NaN when nothing was counted.</summary>
public sealed class EvalScore
{
    public int Topical { get; private set; }

    public int Top1 { get; private set; }

    public int Top3 { get; private set; }

    public int Items { get; private set; }

    public int LanguageCorrect { get; private set; }

    public int OutOfScope { get; private set; }

    public int OutOfScopeRejected { get; private set; }

    public int OutOfScopeAnsweredConfidently { get; private set; }

    public int Handoffs { get; private set; }

    public int HandoffsDetected { get; private set; }

    public double Top1Accuracy => Rate(Top1, Topical);

    public double Top3Recall => Rate(Top3, Topical);

    public double LanguageAccuracy => Rate(LanguageCorrect, Items);

    public double OutOfScopeRejection => Rate(OutOfScopeRejected, OutOfScope);

    public double OutOfScopeConfidentRate => Rate(OutOfScopeAnsweredConfidently, OutOfScope);

    public double HandoffRecall => Rate(HandoffsDetected, Handoffs);

    internal void AddLanguage(bool correct)
    {
        Items++;
        LanguageCorrect += correct ? 1 : 0;
    }

    internal void AddTopical(bool top1, bool top3)
    {
        Topical++;
        Top1 += top1 ? 1 : 0;
        Top3 += top3 ? 1 : 0;
    }

    internal void AddOutOfScope(bool rejected, bool answered)
    {
        OutOfScope++;
        OutOfScopeRejected += rejected ? 1 : 0;
        OutOfScopeAnsweredConfidently += answered ? 1 : 0;
    }

    internal void AddHandoff(bool detected)
    {
        Handoffs++;
        HandoffsDetected += detected ? 1 : 0;
    }

    private static double Rate(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}

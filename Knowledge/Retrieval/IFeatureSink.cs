namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>Receives the features <see cref="TextFeatures.Visit"/> finds; the span is only valid during the call.</summary>
internal interface IFeatureSink
{
    void Add(ReadOnlySpan<char> feature, double weight);
}

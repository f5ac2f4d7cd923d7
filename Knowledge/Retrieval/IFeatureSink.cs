namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>Receives the features <see cref="TextFeatures.Visit"/> (and the language identifier's n-gram walk) finds; the span is only valid during the call.</summary>
internal interface IFeatureSink
{
    void Add(ReadOnlySpan<char> feature, double weight);
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// The one-line JSON form of a <see cref="KnowledgeResult"/> that <c>ask</c> prints, and the wire name of a decision the
/// evaluation reports use: <c>text, language, languageConfidence, decision, topic, score, candidates[{topic, score}]</c>.
/// </summary>
public static class KnowledgeResultJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as one line of JSON.</summary>
    public static string ToJson(KnowledgeResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("text", Sanitize(result.Text));
            json.WriteString("language", result.Language);
            json.WriteNumber("languageConfidence", Math.Round(result.LanguageConfidence, 4));
            json.WriteString("decision", DecisionName(result.Decision));
            if (result.Topic is null)
            {
                json.WriteNull("topic");
            }
            else
            {
                json.WriteString("topic", result.Topic);
            }

            json.WriteNumber("score", Math.Round(result.Score, 4));
            json.WriteStartArray("candidates");
            foreach (var candidate in result.Candidates.Take(5))
            {
                json.WriteStartObject();
                json.WriteString("topic", candidate.Topic);
                json.WriteNumber("score", Math.Round(candidate.Score, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.FirstSteps)
            {
                // Only when true: the conversation offers the first-steps plan when no topic is clear.
                json.WriteBoolean("firstSteps", true);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The lower-case wire name of a decision: answer, clarify, none, handoff, emergency.</summary>
    public static string DecisionName(Decision decision) => decision.ToString().ToLowerInvariant();

    // JSON cannot carry lone UTF-16 surrogates (binary garbage on stdin); they become U+FFFD.
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}

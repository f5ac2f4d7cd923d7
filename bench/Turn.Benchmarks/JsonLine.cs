using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// One line of JSON for a timed run. A measure that cannot be computed (no turns, a thread that changed) is written as
/// <c>null</c>: NaN and infinities are not JSON, and one made <c>bench/peer/run.sh</c> crash on a busy machine.
/// </summary>
public sealed class JsonLine
{
    private readonly ArrayBufferWriter<byte> buffer = new();
    private readonly Utf8JsonWriter writer;

    public JsonLine()
    {
        writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
    }

    public JsonLine Text(string name, string value)
    {
        writer.WriteString(name, value);
        return this;
    }

    public JsonLine Flag(string name, bool value)
    {
        writer.WriteBoolean(name, value);
        return this;
    }

    public JsonLine Count(string name, long value)
    {
        writer.WriteNumber(name, value);
        return this;
    }

    /// <summary>A measure rounded to <paramref name="decimals"/>; <c>null</c> when it is not a finite number.</summary>
    public JsonLine Measure(string name, double? value, int decimals = 1)
    {
        if (value is { } finite && double.IsFinite(finite))
        {
            writer.WriteNumber(name, Math.Round(finite, decimals));
        }
        else
        {
            writer.WriteNull(name);
        }

        return this;
    }

    /// <summary>Closes the object and returns the line; call once.</summary>
    public string Build()
    {
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

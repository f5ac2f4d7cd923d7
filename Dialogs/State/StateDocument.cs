using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IntegrationBot.Dialogs.State;

/// <summary>
/// One scope's state as loaded in a turn. Typed values are kept as objects so in-place changes to them are saved too;
/// at commit everything is serialized with its declared type.
/// </summary>
/// <remarks>
/// The stored JSON is kept as UTF-8 with the position of each top-level property: a property is deserialized only when
/// asked for, one that was never touched is copied back byte for byte, and "nothing changed" is a byte comparison, so
/// a turn builds no JSON DOM and no string unless the state really changed.
/// </remarks>
internal sealed class StateDocument
{
    private const int MaxKeptBuffer = 256 * 1024;
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    // Reused by every commit on a thread (ChangedJson never awaits), so a turn allocates no write buffer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly byte[] _original;
    private readonly List<RawProperty> _raw = [];
    private readonly Dictionary<string, (object? Value, Type Type)> _typed = new(StringComparer.Ordinal);

    public StateDocument(string key, string? json, string? eTag)
    {
        Key = key;
        ETag = eTag;
        _original = json is null ? EmptyObject : Encoding.UTF8.GetBytes(json);
        if (json is not null)
        {
            IndexProperties();
        }
    }

    public string Key { get; }

    public string? ETag { get; }

    public bool TryGet<T>(string name, out T value)
    {
        if (_typed.TryGetValue(name, out var typed))
        {
            value = (T)typed.Value!;
            return true;
        }

        var at = IndexOf(name);
        if (at >= 0 && !_raw[at].IsNull)
        {
            value = JsonSerializer.Deserialize<T>(ValueOf(_raw[at]), StateJson.Options)!;
            _typed[name] = (value, typeof(T));
            return true;
        }

        value = default!;
        return false;
    }

    public void Set<T>(string name, T value) => _typed[name] = (value, typeof(T));

    public void Delete(string name)
    {
        _typed.Remove(name);
        if (IndexOf(name) is var at and >= 0)
        {
            _raw.RemoveAt(at);
        }
    }

    /// <summary>The JSON to write, or null when nothing changed since load.</summary>
    public string? ChangedJson()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StateJson.Options.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var property in _raw)
        {
            if (!_typed.ContainsKey(property.Name))
            {
                writer.WritePropertyName(property.Name);
                writer.WriteRawValue(ValueOf(property), skipInputValidation: true);
            }
        }

        foreach (var (name, (value, type)) in _typed)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, type, StateJson.Options);
        }

        writer.WriteEndObject();
        writer.Flush();
        var json = buffer.WrittenSpan.SequenceEqual(_original) ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBuffer)
        {
            // An unusually large document does not pin its buffer to the thread for good.
            t_buffer = null;
            t_writer = null;
        }

        return json;
    }

    private ReadOnlySpan<byte> ValueOf(RawProperty property) => _original.AsSpan(property.Start, property.Length);

    private int IndexOf(string name)
    {
        for (var i = 0; i < _raw.Count; i++)
        {
            if (_raw[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    // A stored document that is not a JSON object counts as empty, as it always has.
    private void IndexProperties()
    {
        var reader = new Utf8JsonReader(_original);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var isNull = reader.TokenType == JsonTokenType.Null;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            if (IndexOf(name) is var duplicate and >= 0)
            {
                _raw.RemoveAt(duplicate);
            }

            _raw.Add(new RawProperty(name, start, end - start, isNull));
        }
    }

    private readonly record struct RawProperty(string Name, int Start, int Length, bool IsNull);
}

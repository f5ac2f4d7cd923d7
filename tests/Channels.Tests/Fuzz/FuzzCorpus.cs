using System.Text;
using System.Text.Json.Nodes;

namespace IntegrationBot.Channels.Tests.Fuzz;

/// <summary>Seeded generator of hostile webhook bodies: random bytes, invalid UTF-8, random JSON, wrong types,
/// mutated and truncated real payloads, odd strings, deep nesting, huge bodies and unknown kinds.</summary>
public sealed class FuzzCorpus(int seed, IReadOnlyList<string> samples, IReadOnlyList<string> vocabulary)
{
    public const int Kinds = 9;

    private static readonly string[] OddStrings =
    [
        "", " ", "\\ud800", "\\udfff\\ud800", "\\u0000", "😀", "العربية", "ћирилица", "<b>", "&amp", "/start@x y",
        "\u202e", new string('x', 5000), "null", "-1", "9223372036854775808", "1e400", "NaN",
    ];

    private readonly Random _random = new(seed);

    public byte[] Next(int index) => (index % Kinds) switch
    {
        0 => RandomBytes(),
        1 => Encoding.UTF8.GetBytes(RandomObject(0).ToJsonString()),
        2 => Mutate(),
        3 => WithOddStrings(),
        4 => DeepNesting(),
        5 => UnknownKind(),
        6 => Truncated(),
        7 => InvalidUtf8InsideJson(),
        _ => index % 900 == 8 ? Huge() : Encoding.UTF8.GetBytes(Pick(samples)),
    };

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 300)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private JsonNode? RandomValue(int depth) => (_random.Next(depth > 5 ? 5 : 8)) switch
    {
        0 => JsonValue.Create(_random.Next(-1000, int.MaxValue)),
        1 => JsonValue.Create(_random.NextDouble() * 1e12),
        2 => JsonValue.Create(Pick(vocabulary)),
        3 => JsonValue.Create(_random.Next(2) == 0),
        4 => null,
        5 => RandomArray(depth),
        _ => RandomObject(depth),
    };

    private JsonArray RandomArray(int depth)
    {
        var array = new JsonArray();
        for (var i = _random.Next(4); i > 0; i--)
        {
            array.Add(RandomValue(depth + 1));
        }
        return array;
    }

    private JsonObject RandomObject(int depth)
    {
        var obj = new JsonObject();
        for (var i = _random.Next(6); i > 0; i--)
        {
            obj[Pick(vocabulary)] = RandomValue(depth + 1);
        }
        return obj;
    }

    /// <summary>A real payload with one value somewhere replaced by a value of a random type.</summary>
    private byte[] Mutate()
    {
        var root = JsonNode.Parse(Pick(samples))!;
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[_random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.ElementAt(_random.Next(obj.Count)).Key;
                if (_random.Next(4) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = RandomValue(3);
                }
                break;
            case JsonArray array:
                array.Add(RandomValue(3));
                break;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.Where(c => c is JsonObject or JsonArray))
        {
            Collect(child!, into);
        }
    }

    /// <summary>Replaces every string value of a real payload with an odd one (written raw, so escapes stay escapes).</summary>
    private byte[] WithOddStrings()
    {
        var json = Pick(samples);
        var sb = new StringBuilder();
        var parts = json.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var isValue = i % 2 == 1 && i > 0 && parts[i - 1].EndsWith(':');
            sb.Append(isValue ? Pick(OddStrings) : parts[i]);
            if (i < parts.Length - 1)
            {
                sb.Append('"');
            }
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private byte[] DeepNesting()
    {
        var depth = _random.Next(60, 20_000);
        var open = _random.Next(2) == 0 ? "[" : "{\"message\":";
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open);
        }
        sb.Append('1');
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open == "[" ? ']' : '}');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private byte[] UnknownKind()
    {
        var obj = new JsonObject
        {
            ["update_id"] = _random.Next(1, int.MaxValue),
            ["event"] = "evt_" + _random.Next(1000),
            ["message_token"] = _random.NextInt64(),
            ["kind_" + _random.Next(1000)] = RandomObject(2),
        };
        return Encoding.UTF8.GetBytes(obj.ToJsonString());
    }

    private byte[] Truncated()
    {
        var json = Encoding.UTF8.GetBytes(Pick(samples));
        return json[.._random.Next(json.Length)];
    }

    private byte[] InvalidUtf8InsideJson()
    {
        var json = Encoding.UTF8.GetBytes(Pick(samples));
        var copy = json.ToArray();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            copy[_random.Next(copy.Length)] = (byte)_random.Next(0x80, 0x100);
        }
        return copy;
    }

    private byte[] Huge()
    {
        var text = new string('a', _random.Next(2) == 0 ? 50_000 : 1_200_000);
        var obj = JsonNode.Parse(Pick(samples))!.AsObject();
        obj["padding"] = text;
        return Encoding.UTF8.GetBytes(obj.ToJsonString());
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

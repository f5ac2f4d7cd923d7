using System.Text;

namespace IntegrationBot.Bot.Tests.Fuzz;

/// <summary>Hostile request bodies, seeded so a failure can be replayed: random JSON, wrong types, deep nesting,
/// invalid UTF-8, huge bodies, unknown activity types, truncations.</summary>
public sealed class FuzzInput(int seed)
{
    private static readonly string[] Fields = ["type", "text", "from", "channelData", "attachments", "value", "entities", "locale", "id", "suggestedActions", "timestamp", "conversation", "name", "replyToId", "membersAdded"];
    private static readonly string[] Types = ["message", "event", "invoke", "typing", "conversationUpdate", "endOfConversation", "", "MESSAGE", "💥", "x-unknown"];
    private static readonly string[] Texts = ["", " ", "hello", "مرحبا أحتاج مساعدة", "Здраво", "\u0000\u0001", "\u202Erlo", "😀😀", "'; DROP TABLE x;--", "<script>alert(1)</script>", "{{x}}", "\ud800"];

    public Random Random { get; } = new(seed);

    public byte[] Body()
    {
        return Random.Next(100) switch
        {
            < 25 => Utf8(RandomJson(0)),
            < 50 => Utf8(ActivityWithWrongTypes()),
            < 65 => Utf8("{\"type\":\"message\",\"text\":" + Quote(Text()) + ",\"channelData\":{\"clientActivityID\":" + Quote(Guid.NewGuid().ToString("N")) + "}}"),
            < 72 => InvalidUtf8(),
            < 80 => Utf8(DeepNesting()),
            < 81 => Utf8($$"""{"type":"message","text":"{{new string('x', Random.Next(260_000, 400_000))}}"}"""),
            < 90 => Utf8(Truncated()),
            _ => Utf8($$"""{"type":{{Quote(Types[Random.Next(Types.Length)])}},"name":"x","value":{{RandomJson(2)}}}"""),
        };
    }

    public string? ContentType() => Random.Next(6) switch
    {
        0 => null,
        1 => "text/plain",
        2 => "application/json; charset=latin1",
        3 => "multipart/form-data; boundary=zz",
        _ => "application/json",
    };

    public string Text()
    {
        var text = Texts[Random.Next(Texts.Length)];
        return Random.Next(10) == 0 ? string.Concat(Enumerable.Repeat(text + "a", Random.Next(1, 3000))) : text;
    }

    public string RandomJson(int depth) => (depth > 4 ? Random.Next(5) : Random.Next(8)) switch
    {
        0 => "null",
        1 => Random.Next(2) == 0 ? "true" : "false",
        2 => Random.Next(3) == 0 ? "1e308" : Random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "-0.0000001",
        4 => Quote(Text()),
        5 or 6 => "{" + string.Join(",", Enumerable.Range(0, Random.Next(5)).Select(_ => $"{Quote(Random.Next(2) == 0 ? Fields[Random.Next(Fields.Length)] : Text())}:{RandomJson(depth + 1)}")) + "}",
        _ => "[" + string.Join(",", Enumerable.Range(0, Random.Next(5)).Select(_ => RandomJson(depth + 1))) + "]",
    };

    private string ActivityWithWrongTypes() =>
        "{" + string.Join(",", Fields.Where(_ => Random.Next(2) == 0).Select(f => $"\"{f}\":{RandomJson(2)}")) + "}";

    private string DeepNesting()
    {
        var depth = Random.Next(10, 5000);
        return Random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"value\":", depth)) + "1" + new string('}', depth);
    }

    private string Truncated()
    {
        var json = "{\"type\":\"message\",\"text\":" + Quote(Text()) + ",\"from\":{\"id\":\"x\"}}";
        return json[..Random.Next(json.Length)];
    }

    private byte[] InvalidUtf8()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"");
        var junk = new byte[Random.Next(1, 64)];
        Random.NextBytes(junk);
        junk[0] = 0xC3; // a lead byte without its continuation, at least
        return Random.Next(3) == 0 ? junk : [.. prefix, .. junk, .. Encoding.UTF8.GetBytes("\"}")];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

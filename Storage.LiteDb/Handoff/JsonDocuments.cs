using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using IntegrationBot.Handoff.Storage;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>Documents keep the typed record as JSON plus a few indexed fields, so records never depend on LiteDB's mapper.</summary>
internal static class JsonDocuments
{
    public static BsonDocument Create<T>(BsonValue id, T value, IReadOnlyDictionary<string, BsonValue> fields)
    {
        var document = new BsonDocument { ["_id"] = id, ["json"] = JsonSerializer.Serialize(value, HandoffJson.Options) };
        foreach (var (name, field) in fields)
        {
            document[name] = field;
        }

        return document;
    }

    public static T Read<T>(BsonDocument document) =>
        JsonSerializer.Deserialize<T>(document["json"].AsString, HandoffJson.Options)
        ?? throw new InvalidDataException("Stored document has no value.");

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}

using LiteDB;
using LiteDB.Engine;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// One change a write made to LiteDB, as the write journal keeps it: serialized to BSON when it is recorded (a caller
/// may reuse its documents afterwards), and applied again to the engine after a crash or a rolled-back batch.
/// </summary>
internal sealed class JournalOp
{
    private JournalOp(BsonDocument op) => Bytes = BsonSerializer.Serialize(op);

    /// <summary>The change as one BSON document (its first four bytes are its length, as BSON has it).</summary>
    public byte[] Bytes { get; }

    public static JournalOp Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        new(new BsonDocument { ["o"] = "i", ["c"] = collection, ["d"] = new BsonArray(docs), ["a"] = (int)autoId });

    public static JournalOp Update(string collection, IEnumerable<BsonDocument> docs) =>
        new(new BsonDocument { ["o"] = "u", ["c"] = collection, ["d"] = new BsonArray(docs) });

    public static JournalOp Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        new(new BsonDocument { ["o"] = "s", ["c"] = collection, ["d"] = new BsonArray(docs), ["a"] = (int)autoId });

    public static JournalOp UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        new(new BsonDocument { ["o"] = "x", ["c"] = collection, ["t"] = Expression(transform), ["e"] = Expression(predicate) });

    public static JournalOp Delete(string collection, IEnumerable<BsonValue> ids) =>
        new(new BsonDocument { ["o"] = "d", ["c"] = collection, ["k"] = new BsonArray(ids) });

    public static JournalOp DeleteMany(string collection, BsonExpression predicate) =>
        new(new BsonDocument { ["o"] = "m", ["c"] = collection, ["e"] = Expression(predicate) });

    public static JournalOp DropCollection(string collection) =>
        new(new BsonDocument { ["o"] = "dc", ["c"] = collection });

    public static JournalOp RenameCollection(string collection, string newName) =>
        new(new BsonDocument { ["o"] = "rc", ["c"] = collection, ["n"] = newName });

    public static JournalOp EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        new(new BsonDocument { ["o"] = "ei", ["c"] = collection, ["n"] = name, ["e"] = Expression(expression), ["u"] = unique });

    public static JournalOp DropIndex(string collection, string name) =>
        new(new BsonDocument { ["o"] = "di", ["c"] = collection, ["n"] = name });

    /// <summary>Applies the changes serialized in <paramref name="payload"/> (one BSON document after another) to <paramref name="engine"/>.</summary>
    public static void ApplyAll(ILiteEngine engine, ReadOnlySpan<byte> payload)
    {
        while (payload.Length >= 4)
        {
            var length = BitConverter.ToInt32(payload);
            if (length < 5 || length > payload.Length)
            {
                throw new InvalidDataException("A write journal frame holds a change of an impossible length.");
            }

            Apply(engine, BsonSerializer.Deserialize(payload[..length].ToArray()));
            payload = payload[length..];
        }
    }

    private static void Apply(ILiteEngine engine, BsonDocument op)
    {
        var collection = op["c"].AsString;
        switch (op["o"].AsString)
        {
            case "i":
                engine.Insert(collection, Documents(op), (BsonAutoId)op["a"].AsInt32);
                break;
            case "u":
                engine.Update(collection, Documents(op));
                break;
            case "s":
                engine.Upsert(collection, Documents(op), (BsonAutoId)op["a"].AsInt32);
                break;
            case "x":
                engine.UpdateMany(collection, Expression(op["t"].AsDocument), Expression(op["e"].AsDocument));
                break;
            case "d":
                engine.Delete(collection, op["k"].AsArray);
                break;
            case "m":
                engine.DeleteMany(collection, Expression(op["e"].AsDocument));
                break;
            case "dc":
                engine.DropCollection(collection);
                break;
            case "rc":
                engine.RenameCollection(collection, op["n"].AsString);
                break;
            case "ei":
                engine.EnsureIndex(collection, op["n"].AsString, Expression(op["e"].AsDocument), op["u"].AsBoolean);
                break;
            case "di":
                engine.DropIndex(collection, op["n"].AsString);
                break;
            default:
                throw new InvalidDataException($"A write journal frame holds an unknown change '{op["o"].AsString}'.");
        }
    }

    private static List<BsonDocument> Documents(BsonDocument op) => op["d"].AsArray.Select(d => d.AsDocument).ToList();

    // An expression is kept as its source and parameters: applied again on the same data, it selects the same documents.
    private static BsonDocument Expression(BsonExpression expression) =>
        new() { ["s"] = expression.Source, ["p"] = expression.Parameters };

    private static BsonExpression Expression(BsonDocument kept) => BsonExpression.Create(kept["s"].AsString, kept["p"].AsDocument);
}

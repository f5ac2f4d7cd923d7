using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Queries with the value as a parameter. LiteDB's <c>Query.EQ</c> and <c>Query.LT</c> write the value into the
/// expression text, so every call parses and compiles a new expression (a dynamic method: milliseconds, and most of a
/// turn's CPU in the profile); with the value as a parameter the text is always the same and LiteDB reuses the
/// compiled expression.
/// </summary>
public static class LiteDbQueries
{
    public static BsonExpression Equal(string field, BsonValue value) =>
        BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>Documents whose <paramref name="field"/> is one of <paramref name="values"/>.</summary>
    public static BsonExpression In(string field, BsonArray values) =>
        BsonExpression.Create($"$.{field} IN @0", values);

    /// <summary>Documents whose <paramref name="field"/> is below <paramref name="value"/> (retention cut-offs).</summary>
    public static BsonExpression Less(string field, BsonValue value) =>
        BsonExpression.Create($"$.{field} < @0", value);

    /// <summary>
    /// Documents whose <paramref name="field"/> starts with <paramref name="prefix"/>, found through the field's index.
    /// A <c>%</c> or <c>_</c> in the prefix is a wildcard to LiteDB, so this may find more: callers check what it found.
    /// </summary>
    public static BsonExpression StartsWith(string field, string prefix) =>
        BsonExpression.Create($"$.{field} LIKE @0", prefix + "%");
}

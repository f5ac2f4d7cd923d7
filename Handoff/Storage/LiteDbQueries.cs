using LiteDB;

namespace IntegrationBot.Handoff.Storage;

/// <summary>
/// Equality queries for the per-turn lookups. LiteDB's <c>Query.EQ</c> writes the value into the expression text, so
/// every call parses and compiles a new expression (a dynamic method: milliseconds, and most of a turn's CPU in the
/// profile); with the value as a parameter the text is always the same and LiteDB reuses the compiled expression.
/// </summary>
public static class LiteDbQueries
{
    public static BsonExpression Equal(string field, BsonValue value) =>
        BsonExpression.Create($"$.{field} = @0", value);
}

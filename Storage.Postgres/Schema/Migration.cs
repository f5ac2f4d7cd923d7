namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>One schema step; versions only grow, and an applied step is never edited (add a new one instead).</summary>
internal sealed record Migration(int Version, string Name, string Sql);

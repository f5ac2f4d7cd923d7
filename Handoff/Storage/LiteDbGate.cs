using System.Runtime.CompilerServices;
using LiteDB;

namespace IntegrationBot.Handoff.Storage;

/// <summary>One lock per LiteDatabase so read-compare-write sequences are atomic even across store instances sharing the file.</summary>
internal static class LiteDbGate
{
    private static readonly ConditionalWeakTable<LiteDatabase, object> Gates = new();

    public static object For(LiteDatabase database) => Gates.GetValue(database, _ => new object());
}

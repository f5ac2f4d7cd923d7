using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>The state a turn may read ahead with its lock (one round trip instead of one per scope on PostgreSQL).</summary>
public sealed partial class TurnRunner
{
    private Dictionary<string, BotState> StateKeys(Activity activity)
    {
        var keys = new Dictionary<string, BotState>(StringComparer.Ordinal);
        foreach (var state in Runtime.States)
        {
            try
            {
                keys.TryAdd(state.GetStorageKey(activity), state);
            }
            catch (InvalidOperationException)
            {
                // The activity cannot key this scope (e.g. no sender); the scope fails as before only if the bot uses it.
            }
        }

        return keys;
    }

    /// <summary>Hands each scope its document read ahead by the session, so it needs no read of its own.</summary>
    private static void Preload(TurnContext context, Dictionary<string, BotState> stateKeys, IReadOnlyDictionary<string, StoredItem?>? prefetched)
    {
        if (prefetched is null)
        {
            return;
        }

        foreach (var (key, state) in stateKeys)
        {
            if (prefetched.TryGetValue(key, out var item))
            {
                state.Preload(context, key, item);
            }
        }
    }
}

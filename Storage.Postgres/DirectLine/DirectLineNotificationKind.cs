namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>What a <see cref="DirectLineNotification"/> announces.</summary>
internal enum DirectLineNotificationKind
{
    /// <summary>An activity was appended (with its number and itself when they rode along).</summary>
    Appended,

    /// <summary>A conversation's activities were erased.</summary>
    Erased,

    /// <summary>Activities of any conversation were erased.</summary>
    ErasedAny,
}

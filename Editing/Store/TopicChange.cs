namespace IntegrationBot.Editing.Store;

/// <summary>What a version changed.</summary>
public static class TopicChange
{
    /// <summary>One language's text was saved.</summary>
    public const string Edit = "edit";

    /// <summary>Category, sources, flags or related topics were saved.</summary>
    public const string Settings = "settings";

    /// <summary>A new topic was added.</summary>
    public const string Create = "create";

    /// <summary>The content of an earlier version was restored.</summary>
    public const string Revert = "revert";

    /// <summary>The topic was retired (no longer answered).</summary>
    public const string Retire = "retire";

    /// <summary>A retired topic was brought back (answered again once published).</summary>
    public const string Restore = "restore";
}

namespace IntegrationBot.Editing.Editor;

/// <summary>How an edit ended.</summary>
public enum EditStatus
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

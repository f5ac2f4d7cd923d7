namespace IntegrationBot.Dialogs.DialogStack;

public enum DialogTurnStatus
{
    /// <summary>The stack is empty: no dialog was running.</summary>
    Empty,

    /// <summary>A dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    Cancelled,
}

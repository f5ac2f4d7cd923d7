namespace IntegrationBot.Dialogs.Runtime;

/// <summary>Runs the rest of the middleware pipeline and then the bot.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

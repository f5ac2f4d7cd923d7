namespace IntegrationBot.LoadTool;

/// <summary>One simulated migrant on one channel: opened and onboarded before the clock starts, then asking.</summary>
public interface IMigrant : IAsyncDisposable
{
    /// <summary>Starts the conversation (the host runs its welcome turn).</summary>
    Task OpenAsync(string locale, CancellationToken cancellationToken);

    /// <summary>Presses the language button (<paramref name="languageIndex"/> in the menu's order) and accepts the privacy notice.</summary>
    Task OnboardAsync(int languageIndex, string locale, CancellationToken cancellationToken);

    /// <summary>Anything the channel needs before talking (the web chat's WebSocket).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends one question; returns the time until the bot's first reply to it arrived.</summary>
    Task<TimeSpan> AskAsync(string text, string locale, CancellationToken cancellationToken);
}

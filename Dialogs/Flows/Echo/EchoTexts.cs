using System.Text.Json;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.Flows.Echo;

/// <summary>The echo bot's strings, read from the embedded <c>EchoTexts.json</c> so no user-facing text lives in code.</summary>
public sealed record EchoTexts(string Greeting, string WelcomeBack, string Echo)
{
    public static EchoTexts Load()
    {
        using var stream = typeof(EchoTexts).Assembly.GetManifestResourceStream("IntegrationBot.Dialogs.Flows.Echo.EchoTexts.json")
            ?? throw new InvalidOperationException("EchoTexts.json is not embedded.");
        return JsonSerializer.Deserialize<EchoTexts>(stream, StateJson.Options)
            ?? throw new InvalidOperationException("EchoTexts.json is empty.");
    }
}

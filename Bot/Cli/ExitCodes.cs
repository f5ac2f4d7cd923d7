namespace IntegrationBot.Bot.Cli;

/// <summary>Process exit codes of the commands.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int StorageUnavailable = 3;
}

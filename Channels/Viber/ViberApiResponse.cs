using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>Every Viber API answer: HTTP 200 with a status code inside (0 = ok).</summary>
public sealed record ViberApiResponse(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("status_message")] string? StatusMessage = null)
{
    public const int Ok = 0;
    public const int InvalidAuthToken = 2;
    public const int BadData = 3;
    public const int MissingData = 4;
    public const int ReceiverNotRegistered = 5;
    public const int ReceiverNotSubscribed = 6;
    public const int TooManyRequests = 12;

    public bool IsOk => Status == Ok;

    /// <summary>Resending cannot help: the message or the receiver is wrong.</summary>
    public bool IsPermanentFailure => Status is BadData or MissingData or ReceiverNotRegistered or ReceiverNotSubscribed
        or 11 or 13 or 14;

    public bool ReceiverGone => Status is ReceiverNotRegistered or ReceiverNotSubscribed;
}

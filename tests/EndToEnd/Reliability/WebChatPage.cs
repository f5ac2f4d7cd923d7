using System.Text.Json;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>A polling Web Chat page: it reads on from its last watermark, as the page does, so a log that stays stuck
/// at an old watermark shows up as unanswered messages.</summary>
internal sealed class WebChatPage(Conversation conversation)
{
    private readonly List<JsonElement> _log = [];
    private string? _watermark;

    public Conversation Conversation { get; } = conversation;

    public List<SentMessage> Messages { get; } = [];

    public IReadOnlyList<JsonElement> Log => _log;

    public async Task PollAsync(DirectLineHttp client, CancellationToken ct)
    {
        var (activities, watermark) = await client.ActivitiesAfterAsync(Conversation, _watermark, ct);
        _log.AddRange(activities);
        _watermark = watermark;
    }
}

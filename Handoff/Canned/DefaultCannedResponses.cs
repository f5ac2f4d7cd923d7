using System.Text.Json;

namespace IntegrationBot.Handoff.Canned;

/// <summary>
/// The canned responses a fresh install starts with (greeting, checking, come in person, anything else, closing) in
/// every language, from the embedded default-canned-responses.json. They state no facts, so none can be wrong in
/// another office; the office adds its own (address, hours) in the console.
/// </summary>
public static class DefaultCannedResponses
{
    private const string Resource = "IntegrationBot.Handoff.Canned.default-canned-responses.json";

    private sealed record File(IReadOnlyList<Entry> Responses);

    private sealed record Entry(string Id, string Language, string Title, string Text);

    /// <summary>The default set, stamped with <paramref name="at"/>.</summary>
    public static IReadOnlyList<CannedResponse> Load(DateTimeOffset at)
    {
        using var stream = typeof(DefaultCannedResponses).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {Resource}.");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{Resource} is empty.");
        return [.. file.Responses.Select(e => new CannedResponse(e.Id, e.Language, e.Title, e.Text, at))];
    }
}

using System.Text.Json;
using IntegrationBot.Editing.Content;
using IntegrationBot.Knowledge.Languages;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace IntegrationBot.Editing.Export;

/// <summary>
/// Writes a topic as a <c>topics/*.yaml</c> file in the repository's layout. Fields of the shipped file that the
/// editor does not know (added to the format later) are kept: the edited fields are laid over the shipped file's
/// mapping, and fields kept from a save (<see cref="TopicContent.Extra"/>) are written too.
/// </summary>
public static class TopicYaml
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithEventEmitter(next => new LiteralMultiline(next))
        .DisableAliases()
        .Build();

    public static string Write(TopicContent content, string? shippedYaml)
    {
        ArgumentNullException.ThrowIfNull(content);
        var map = Shipped(shippedYaml);
        map["id"] = content.Id;
        map["category"] = content.Category;
        map["flags"] = content.Flags.ToList();
        map["related"] = content.Related.ToList();
        // Per language with who reviewed it, the format kb check reads (docs/knowledge-base.md).
        var reviewed = Language.All
            .Where(l => content.Languages.TryGetValue(l, out var c) && c.Reviewed is not null)
            .ToDictionary(
                l => l,
                l => new Dictionary<string, string>
                {
                    ["on"] = content.Languages[l].Reviewed!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["by"] = content.Languages[l].Reviewer ?? "",
                },
                StringComparer.Ordinal);
        if (reviewed.Count > 0)
        {
            map["reviewed"] = reviewed;
        }

        map["sources"] = content.Sources.ToList();
        var languages = Language.All.Where(content.Languages.ContainsKey).ToList();
        map["title"] = PerLanguage(languages, l => content.Languages[l].Title);
        map["answer"] = PerLanguage(languages, l => content.Languages[l].Answer + "\n");
        if (content.Languages.Values.Any(l => !string.IsNullOrWhiteSpace(l.Details)))
        {
            map["details"] = PerLanguage(languages, l => (content.Languages[l].Details ?? "") + "\n");
        }
        else
        {
            map.Remove("details");
        }

        map["questions"] = PerLanguage(languages, l => content.Languages[l].Questions.ToList());
        map["keywords"] = PerLanguage(languages, l => content.Languages[l].Keywords.ToList());
        foreach (var (name, value) in content.Extra ?? [])
        {
            map[name] = Plain(value);
        }

        return Writer.Serialize(map);
    }

    private static Dictionary<string, object?> Shipped(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return [];
        }

        var parsed = Reader.Deserialize<Dictionary<string, object?>>(yaml);
        return parsed is null ? [] : new Dictionary<string, object?>(parsed, StringComparer.Ordinal);
    }

    private static Dictionary<string, T> PerLanguage<T>(IEnumerable<string> languages, Func<string, T> value) =>
        languages.ToDictionary(l => l, value, StringComparer.Ordinal);

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    // Answers are multi-line: write them as literal blocks (|) like the shipped files, not as escaped strings.
    private sealed class LiteralMultiline(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo = new ScalarEventInfo(eventInfo.Source) { Style = ScalarStyle.Literal };
            }

            base.Emit(eventInfo, emitter);
        }
    }
}

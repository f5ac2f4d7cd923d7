using System.Text.Json;

namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>Reads evaluation items from a .jsonl file or from every .jsonl file in a directory.</summary>
public static class EvalSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The items, plus one message per line that could not be read (file and line number).</summary>
    public static (IReadOnlyList<EvalItem> Items, IReadOnlyList<string> Errors) Load(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var items = new List<EvalItem>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                errors.Add($"{file}: not found");
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var item = JsonSerializer.Deserialize<EvalItem>(line, Json);
                    if (item is null || string.IsNullOrEmpty(item.Language) || item.Text is null || (item.Topic is null && item.Kind is null))
                    {
                        errors.Add($"{file}:{number}: needs text, language and topic or kind");
                        continue;
                    }

                    items.Add(item);
                }
                catch (JsonException e)
                {
                    errors.Add($"{file}:{number}: {e.Message}");
                }
            }
        }

        return (items, errors);
    }
}

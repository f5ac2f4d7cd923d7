using System.Diagnostics;
using System.Text.Json;
using IntegrationBot.Knowledge.Content;

namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>
/// A plain BM25 peer for <c>kb eval</c>: npm <c>minisearch</c> (fuzzy and prefix matching, diacritics folded) over the
/// same content (one document per topic and language: title, sample questions, keywords, answer), run by
/// <c>Knowledge/eval/peer/minisearch-peer.mjs</c> under Node. Our scorer must lead it in every language.
/// </summary>
public sealed class MiniSearchPeer(string script)
{
    private const string ScriptPath = "Knowledge/eval/peer/minisearch-peer.mjs";

    public string Script { get; } = script;

    /// <summary>The peer when the script and its installed package are found above the working or base directory, else null.</summary>
    public static MiniSearchPeer? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var script = Path.Combine(directory.FullName, ScriptPath);
                var package = Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "minisearch", "package.json");
                if (File.Exists(script) && File.Exists(package))
                {
                    return new MiniSearchPeer(script);
                }
            }
        }

        return null;
    }

    /// <summary>The peer's best topic for each question (null when it finds nothing), in order.</summary>
    public async Task<IReadOnlyList<string?>> PredictAsync(TopicCatalog catalog, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var documents = catalog.Topics.SelectMany(topic => topic.Title.Keys.Select(language => new
        {
            id = $"{topic.Id}/{language}",
            topic = topic.Id,
            text = new
            {
                title = topic.TitleIn(language),
                questions = string.Join('\n', topic.Questions.GetValueOrDefault(language) ?? []),
                keywords = string.Join('\n', topic.Keywords.GetValueOrDefault(language) ?? []),
                answer = SourceMarkers.Strip(DirectoryPlaceholders.Strip(OfficePlaceholders.Strip(topic.AnswerIn(language)))),
            },
        }));
        var input = JsonSerializer.Serialize(new { documents, questions });

        var start = new ProcessStartInfo("node", [Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the minisearch peer failed ({process.ExitCode}): {await error}");
        }

        var lines = (await output).Split('\n');
        return [.. questions.Select((_, i) => i < lines.Length && lines[i].Trim().Length > 0 ? lines[i].Trim() : null)];
    }
}

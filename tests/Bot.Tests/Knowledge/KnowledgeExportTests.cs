using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Export;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Validation;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>The published content exports as the repository's Knowledge/content layout, so the repository can take it back.</summary>
public sealed class KnowledgeExportTests
{
    [Fact]
    public async Task Export_is_a_content_folder_that_kb_check_accepts_with_the_published_edit_and_untouched_files_as_shipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl", editor: true, ct);
        const string topic = "/api/knowledge/topics/driving-licence";
        var sl = JsonNode.Parse(await (await editor.GetAsync(topic, ct)).Content.ReadAsStringAsync(ct))!["languages"]!["sl"]!.DeepClone().AsObject();
        sl["details"] = sl["details"]!.GetValue<string>().Replace("18,10 €", "18,50 €", StringComparison.Ordinal);
        (await editor.PutAsync($"{topic}/languages/sl", sl, ct)).EnsureSuccessStatusCode();
        (await editor.PostAsync($"{topic}/publish", null, ct)).EnsureSuccessStatusCode();

        var response = await editor.GetAsync("/api/knowledge/export", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var folder = new TempDataDirectory();
        await using (var zip = await response.Content.ReadAsStreamAsync(ct))
        {
            ZipFile.ExtractToDirectory(zip, folder.Path);
        }

        var exported = TopicCatalog.LoadFromDirectory(folder.Path);
        Assert.Empty(new KnowledgeValidator(TimeProvider.System).Validate(exported));
        Assert.Equal(TopicCatalog.LoadDefault().Topics.Count, exported.Topics.Count);
        Assert.Contains("18,50 €", exported.Find("driving-licence")!.DetailsIn("sl"), StringComparison.Ordinal);
        Assert.Contains("€18.10", exported.Find("driving-licence")!.DetailsIn("en"), StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(TopicCatalog.DefaultDirectory, "topics", "bank-account.yaml"), ct),
            await File.ReadAllTextAsync(Path.Combine(folder.Path, "topics", "bank-account.yaml"), ct));
    }

    [Fact]
    public void Fields_of_the_shipped_file_the_editor_does_not_know_are_kept()
    {
        var shipped = "id: doctor\ncategory: health\nowner: Starting Point\nreviewed: 2026-01-01\n";
        var content = new TopicContent
        {
            Id = "doctor",
            Category = "health",
            Sources = ["https://www.zzzs.si/"],
            Languages = new Dictionary<string, LanguageContent> { ["sl"] = new() { Title = "Zdravnik", Answer = "Vrstica 1\nVrstica 2", Reviewed = new DateOnly(2026, 12, 5), Reviewer = "Mojca" } },
        };

        var yaml = TopicYaml.Write(content, shipped);

        Assert.Contains("owner: Starting Point", yaml, StringComparison.Ordinal);
        // Reviews are per language with the reviewer, as kb check reads them.
        using var folder = new TempDataDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "topics"));
        File.WriteAllText(Path.Combine(folder.Path, "topics", "doctor.yaml"), yaml);
        var reviewed = TopicCatalog.LoadFromDirectory(folder.Path).Find("doctor")!.Reviews["sl"];
        Assert.Equal(new TopicReview(new DateOnly(2026, 12, 5), "Mojca"), reviewed);
        Assert.Contains("sl: |", yaml, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using IntegrationBot.TestSupport;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>axe-core (npm, tests/EndToEnd/axe) run in the page; the page's context must bypass CSP to load it.</summary>
internal static class Axe
{
    private static readonly string Script = RepositoryRoot.Combine("tests", "EndToEnd", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails with the rule ids and elements when axe finds any violation, minor ones too (the pages have none).</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(Script), $"axe-core missing: run npm ci in tests/EndToEnd/axe ({Script})");
        await page.AddScriptTagAsync(new() { Path = Script });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })));
            }
            """);
        Assert.True(JsonSerializer.Deserialize<JsonElement>(json).GetArrayLength() == 0, $"axe-core: {json}");
    }
}

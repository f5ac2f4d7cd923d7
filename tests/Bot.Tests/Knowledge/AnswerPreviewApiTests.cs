using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// The editor previews an answer on each channel as the person reads it there: the local directory filled in, the
/// [n] markers turned into the "Source:" block with the addresses, Arabic laid out right to left.
/// </summary>
public sealed class AnswerPreviewApiTests
{
    [Theory]
    [InlineData("webchat")]
    [InlineData("telegram")]
    [InlineData("viber")]
    public async Task The_preview_fills_the_directory_and_lists_the_cited_sources_like_the_live_answer(string channel)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,en", editor: true, ct);

        var text = string.Join("\n", await PartsAsync(editor, $"/api/knowledge/topics/doctor/preview?lang=en&channel={channel}", ct));

        Assert.DoesNotContain("{dir.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", text, StringComparison.Ordinal);
        Assert.Contains("Source:", text, StringComparison.Ordinal);
        Assert.Contains("https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/", text, StringComparison.Ordinal);
        Assert.Contains("Prečna 2, 6230 Postojna", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arabic_preview_is_laid_out_right_to_left_as_the_bot_sends_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        using var editor = await ConsoleSession.SignInAsync(host, "Mojca", "sl,ar", editor: true, ct);

        var parts = await PartsAsync(editor, "/api/knowledge/topics/bank-account/preview?lang=ar&channel=viber", ct);

        // The bot starts an Arabic message with a right-to-left mark and isolates Latin names and numbers.
        Assert.StartsWith("\u200F", parts[0], StringComparison.Ordinal);
        Assert.Contains("\u2066OTP banka\u2069", parts[0], StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> PartsAsync(ConsoleSession editor, string path, CancellationToken ct)
    {
        var response = await editor.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!)];
    }
}

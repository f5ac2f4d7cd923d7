using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// A fresh install's canned responses: a counselor found the list empty on day one and had nothing to pick. Now the
/// install starts with a greeting, "checking, please wait", "come to the office", "anything else?" and a closing in
/// every language, which an admin may edit or delete for good.
/// </summary>
public sealed partial class DefaultCannedResponsesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_install_has_the_same_five_canned_responses_in_every_language()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", admin: false, "ar");
        using var maja = await host.LoginAsync("Maja", "maja-password");

        foreach (var language in CounselorDirectory.KnownLanguages)
        {
            var list = await maja.Http.GetFromJsonAsync<JsonElement>($"/api/canned-responses?language={language}", Ct);
            Assert.Equal(
                ["anything-else", "checking", "closing", "greeting", "in-person"],
                list.EnumerateArray().Select(r => Regex.Replace(r.GetProperty("id").GetString()!, $"^default-|-{language}$", "")).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Default_canned_responses_state_no_address_hours_phone_fee_or_deadline()
    {
        foreach (var response in DefaultCannedResponses.Load(DateTimeOffset.UnixEpoch))
        {
            // Digits would be a time, a phone number, an amount or a number of days; '@' and a link an address.
            Assert.DoesNotMatch(NoFacts(), response.Text);
            Assert.True(response.Language == "ar" == ArabicLetters().IsMatch(response.Text), $"{response.Id}: {response.Text}");
            Assert.DoesNotMatch(CyrillicLetters(), response.Text);
        }
    }

    [Fact]
    public async Task An_admin_edits_or_deletes_a_default_and_a_restart_does_not_bring_it_back()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Ana", "ana-password", admin: true, "sl");
        using var ana = await host.LoginAsync("Ana", "ana-password");
        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync("/api/canned-responses/default-closing-sl")).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/canned-responses/default-greeting-sl")
        {
            Content = JsonContent.Create(new { language = "sl", title = "Pozdrav", text = "Dober dan, tukaj Ana." }),
        };
        put.Headers.Add("X-XSRF-TOKEN", ana.XsrfToken);
        Assert.Equal(HttpStatusCode.OK, (await ana.Http.SendAsync(put, Ct)).StatusCode);

        // What a restart does: the start-up step runs again on the same store.
        var startup = new DefaultCannedResponsesStartup(host.Services.GetRequiredService<ICannedResponseStore>(), TimeProvider.System, NullLogger<DefaultCannedResponsesStartup>.Instance);
        await startup.StartAsync(Ct);

        var slovene = await ana.Http.GetFromJsonAsync<JsonElement>("/api/canned-responses?language=sl", Ct);
        Assert.DoesNotContain("default-closing-sl", slovene.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("Dober dan, tukaj Ana.", slovene.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "default-greeting-sl").GetProperty("text").GetString());
    }

    [GeneratedRegex(@"[0-9@]|https?:|www\.")]
    private static partial Regex NoFacts();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex CyrillicLetters();
}

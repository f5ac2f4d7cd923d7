using System.Diagnostics;

namespace IntegrationBot.EndToEnd.Deploy;

/// <summary>
/// The operator's start with a setting the host cannot use (docs/configuration.md: "a bad value stops it with a message
/// naming the setting"): the real host process, as the README starts it.
/// </summary>
public sealed class BadSettingAtStartTests
{
    // Found starting the host as the README says with the office settings emptied: an empty
    // IntegrationBot__Office__TimeZone (or Storage__Durability=bogus) printed the reason inside two copies of a 60-line
    // stack trace ("Hosting failed to start", then "Unhandled exception.") and the process aborted with exit code 134;
    // the time zone's reason named no key ("IntegrationBot:Office: The time zone ID '' was not found"), nor did a
    // schedule's ("String '9' was not recognized as a valid TimeOnly").
    [Theory]
    [InlineData("IntegrationBot__Storage__Durability", "bogus", "IntegrationBot:Storage:Durability must be 'fsync' (default) or 'os'")]
    [InlineData("IntegrationBot__Office__TimeZone", "", "IntegrationBot:Office:TimeZone")]
    [InlineData("IntegrationBot__Office__TimeZone", "Europe/Postojna", "IntegrationBot:Office:TimeZone")]
    [InlineData("IntegrationBot__Office__Schedule__Mon", "9-17", "IntegrationBot:Office:Schedule:Mon '9-17' is not opening hours")]
    [InlineData("IntegrationBot__Channels__WebChat__AllowedOrigins", "www.postojna.si", "IntegrationBot:Channels:WebChat:AllowedOrigins: 'www.postojna.si' is not a website origin")]
    // Found following docs/configuration.md with a value in another form than its type: a number, duration or
    // true/false the binder could not convert, or a setting read while the services are put together rather than in
    // the start-up check (KnownProxies, WebChat, Shutdown), printed "Unhandled exception." and a 20-40 line stack
    // trace, exit code 134.
    [InlineData("IntegrationBot__Storage__SyncIntervalMilliseconds", "abc", "IntegrationBot:Storage:SyncIntervalMilliseconds 'abc' is not a whole number")]
    [InlineData("IntegrationBot__Privacy__RetentionDays", "ninety", "IntegrationBot:Privacy:RetentionDays 'ninety' is not a whole number")]
    [InlineData("IntegrationBot__Channels__WebChat__TokenLifetimeSeconds", "30m", "IntegrationBot:Channels:WebChat:TokenLifetimeSeconds '30m' is not a whole number")]
    [InlineData("IntegrationBot__Shutdown__DrainSeconds", "abc", "IntegrationBot:Shutdown:DrainSeconds 'abc' is not a whole number")]
    [InlineData("IntegrationBot__Handoff__UnclaimedTimeout", "2h", "IntegrationBot:Handoff:UnclaimedTimeout '2h' is not a duration")]
    [InlineData("IntegrationBot__Plan__ScanInterval", "5m", "IntegrationBot:Plan:ScanInterval '5m' is not a duration")]
    [InlineData("IntegrationBot__Storage__Journal", "yes", "IntegrationBot:Storage:Journal 'yes' is not true or false")]
    [InlineData("IntegrationBot__Proxy__KnownProxies", "localhost", "IntegrationBot:Proxy:KnownProxies must list IP addresses")]
    // Found trying the limits of docs/configuration.md: a value out of a checked range was named by its C# class and
    // property, not its key ("DataAnnotation validation failed for 'InputOptions' members: 'MaxMessageLength' with the
    // error: 'The field MaxMessageLength must be between 10 and 100000.'"), which is no setting an operator can find.
    [InlineData("IntegrationBot__Bot__MaxMessageLength", "0", "IntegrationBot:Bot:MaxMessageLength must be between 10 and 100000")]
    [InlineData("IntegrationBot__Storage__SyncIntervalMilliseconds", "0", "IntegrationBot:Storage:SyncIntervalMilliseconds must be between 1 and 10000")]
    [InlineData("IntegrationBot__Storage__Provider", "sqlite", "IntegrationBot:Storage:Provider must be 'litedb', 'memory' or 'postgres'")]
    // Found setting the retention as README's table says: IntegrationBot__Privacy__RetentionDays=0 named the same
    // failure twice on the line (Handoff's purge reads the same setting), and IntegrationBot__Handoff__RetentionDays=0
    // (or a zero SilentUserTimeout) said "Handoff retention, login and transcript limits must be positive." naming no key.
    [InlineData("IntegrationBot__Privacy__RetentionDays", "0", "IntegrationBot:Privacy:RetentionDays must be between 1 and 3650")]
    [InlineData("IntegrationBot__Handoff__RetentionDays", "0", "IntegrationBot:Handoff:RetentionDays must be at least 1")]
    [InlineData("IntegrationBot__Handoff__SilentUserTimeout", "00:00:00", "IntegrationBot:Handoff:SilentUserTimeout must be positive")]
    // Found setting the plan's reminders as docs/configuration.md says: a channel written otherwise than its id
    // ('Telegram', 'webchat ' is fine, 'sms', 'directline') started without a word and reminders were never offered
    // there (the list is compared with the channel id exactly).
    [InlineData("IntegrationBot__Plan__ReminderChannels", "Telegram,Viber", "IntegrationBot:Plan:ReminderChannels 'Telegram' is no channel")]
    [InlineData("IntegrationBot__Plan__ReminderChannels", "telegram,directline", "IntegrationBot:Plan:ReminderChannels 'directline' is no channel")]
    public Task A_bad_setting_stops_the_host_with_one_line_naming_it_and_exit_code_2(string variable, string value, string named) =>
        StartStopsWithOneLine(named, (variable, value));

    // Found turning Viber on as docs/configuration.md says: its settings were not in the start-up check at all, so a
    // SendTimeout of '30s' failed inside the webhook registration ("Hosting failed to start", two stack traces, exit
    // 134), as did a SendTimeout of 00:00:00.
    [Theory]
    [InlineData("IntegrationBot__Channels__Viber__SendTimeout", "30s", "IntegrationBot:Channels:Viber:SendTimeout '30s' is not a duration")]
    [InlineData("IntegrationBot__Channels__Viber__SendTimeout", "00:00:00", "IntegrationBot:Channels:Viber:SendTimeout must be positive")]
    [InlineData("IntegrationBot__Channels__Viber__Pacing__PerChatBurst", "0", "IntegrationBot:Channels:Viber:Pacing needs")]
    public Task A_bad_Viber_setting_stops_the_host_with_one_line_naming_it_and_exit_code_2(string variable, string value, string named) =>
        StartStopsWithOneLine(named, ("IntegrationBot__Channels__Viber__AuthToken", "test-viber-token"), (variable, value));

    // Found turning Telegram on from README's table (Token and PublicBaseUrl, Mode left at 'webhook') without a
    // WebhookSecret: the host started without a word, registered no webhook and answered every POST /api/telegram 404,
    // so nobody writing to the bot on Telegram got an answer and nothing told the operator why.
    [Fact]
    public Task Telegram_on_its_webhook_without_a_secret_stops_the_host_naming_the_setting() =>
        StartStopsWithOneLine(
            "IntegrationBot:Channels:Telegram:WebhookSecret is not set",
            ("IntegrationBot__Channels__Telegram__Token", "123456:test-token"),
            ("IntegrationBot__PublicBaseUrl", "https://bot.example.si"));

    private static async Task StartStopsWithOneLine(string named, params (string Variable, string Value)[] settings)
    {
        var data = Directory.CreateTempSubdirectory("ib-bad-setting-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IntegrationBot.Bot.dll"), "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["IntegrationBot__Storage__Path"] = data;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (variable, value) in settings)
            {
                start.Environment[variable] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
            {
                stop.CancelAfter(TimeSpan.FromSeconds(90));
                try
                {
                    await process.WaitForExitAsync(stop.Token);
                }
                finally
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
            }

            var all = await output + await error;
            Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}:\n{all}");
            var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("error: invalid configuration: ", line, StringComparison.Ordinal);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.DoesNotContain("DataAnnotation", line, StringComparison.Ordinal);
            var failures = line["error: invalid configuration: ".Length..].Split("; ");
            Assert.Equal(failures.Length, failures.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

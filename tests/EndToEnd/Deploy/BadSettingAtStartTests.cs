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
    public async Task A_bad_setting_stops_the_host_with_one_line_naming_it_and_exit_code_2(string variable, string value, string named)
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
            start.Environment[variable] = value;
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
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

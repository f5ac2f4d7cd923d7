namespace IntegrationBot.EndToEnd.Support;

/// <summary>An office open around the clock, so a handoff journey reaches a counselor at any hour (the counselor's
/// console: <see cref="ConsoleBrowserSession"/>).</summary>
internal static class CounselorConsole
{
    public static readonly IReadOnlyDictionary<string, string> OpenEveryDay = new Dictionary<string, string>
    {
        ["IntegrationBot__Office__Name"] = "Starting Point Postojna",
        ["IntegrationBot__Office__Schedule__Mon"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Tue"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Wed"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Thu"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Fri"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Sat"] = "00:00-23:59",
        ["IntegrationBot__Office__Schedule__Sun"] = "00:00-23:59",
    };
}

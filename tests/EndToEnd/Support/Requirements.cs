namespace IntegrationBot.EndToEnd.Support;

/// <summary>External components some tests need; without them those tests skip and say why (CI installs them).</summary>
internal static class Requirements
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static void Chromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does)");
        }
    }

    public static void DirectLineClient()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.DirectLineClient, "node_modules", "botframework-directlinejs")))
        {
            Assert.Skip($"npm packages missing in {RepoPaths.DirectLineClient} (npm ci there; .ci/run does)");
        }
    }
}

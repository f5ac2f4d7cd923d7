using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Tests;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        const string json = """{"type":"message","id":"a1","text":"hi","from":{"id":"u1","role":"user","aadObjectId":"x"},"speak":"hello"}""";
        var activity = ActivityJson.Deserialize(json)!;
        var back = ActivityJson.Serialize(activity);
        Assert.Contains("\"speak\":\"hello\"", back);
        Assert.Contains("\"aadObjectId\":\"x\"", back);
        Assert.DoesNotContain("null", back);
    }
}

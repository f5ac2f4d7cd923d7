using System.Text.RegularExpressions;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>docs/api.md's account lockout says what the login really answers (Handoff.Tests
/// <c>LoginTests.A_locked_account_answers_exactly_like_an_unknown_name</c> proves the behaviour).</summary>
public sealed partial class DocumentedLockoutTests
{
    // Found reading docs/api.md as an integrator and trying it against a running host: the doc said a locked account's
    // login answers 429 with Retry-After "even with the right password"; six logins (five wrong, then the right
    // password) all answered 401 "Wrong name or password." with no Retry-After, as the code has done since the lockout
    // stopped telling an attacker which names exist.
    [Fact]
    public void The_api_doc_says_a_locked_account_answers_like_a_wrong_password()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "api.md"));
        var lockout = LockoutBullet().Match(doc);

        Assert.True(lockout.Success, "docs/api.md has no '- Lockout:' bullet");
        Assert.DoesNotContain("429", lockout.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry-After", lockout.Value, StringComparison.Ordinal);
        Assert.Contains("401", lockout.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^- Lockout:.*?(?=^- |^\||^#|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex LockoutBullet();
}

using System.Security.Claims;

namespace IntegrationBot.Handoff.Console;

/// <summary>Names shared by the console's cookie authentication, authorization policies and anti-forgery check.</summary>
public static class CounselorAuth
{
    public const string Scheme = "IntegrationBot.Counselor";
    public const string CookieName = "ib_console";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";
    public const string XsrfClaim = "xsrf";
    public const string LanguagesClaim = "languages";
    public const string StampClaim = "stamp";
    public const string SignedInClaim = "signed_in";
    public const string AdminRole = "admin";
    public const string EditorRole = "editor";
    public const string EditorPolicy = "KnowledgeEditor";
    public const string CounselorPolicy = "Counselor";
    public const string AdminPolicy = "CounselorAdmin";

    public static string Name(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("Console endpoint reached without an authenticated counselor.");
}

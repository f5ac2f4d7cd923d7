using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationBot.Handoff.Console;

/// <summary>
/// A refusal the counselor reads in the console: the English <c>detail</c> as before (scripts and older pages read it),
/// plus a stable <c>code</c> and its <c>values</c> (names, states) that the page words in its own language.
/// </summary>
public static class ConsoleProblem
{
    public static ProblemHttpResult Of(int statusCode, string code, string detail, IReadOnlyDictionary<string, string>? values = null, IDictionary<string, object?>? extensions = null)
    {
        var fields = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        if (values is { Count: > 0 })
        {
            fields["values"] = values;
        }

        return TypedResults.Problem(detail, statusCode: statusCode, extensions: fields);
    }
}

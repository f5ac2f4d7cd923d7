using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>Maps the console API under /api (see docs/api.md).</summary>
public static class HandoffApi
{
    public static IEndpointRouteBuilder MapHandoffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        AuthEndpoints.Map(api);

        var secured = api.MapGroup("")
            .RequireAuthorization(CounselorAuth.CounselorPolicy)
            .AddEndpointFilter<SecurityHeaders>()
            .AddEndpointFilter<XsrfFilter>()
            .AddEndpointFilter<PresenceFilter>();
        HandoffEndpoints.Map(secured);
        ConsoleEndpoints.Map(secured);
        AdminEndpoints.Map(secured);
        return endpoints;
    }
}

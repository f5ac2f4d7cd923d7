using IntegrationBot.Handoff.Routing;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Handoff.Console;

/// <summary>Every authenticated console request keeps the counselor "online" for routing.</summary>
public sealed class PresenceFilter(CounselorPresence presence) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            presence.Seen(name);
        }

        return next(context);
    }
}

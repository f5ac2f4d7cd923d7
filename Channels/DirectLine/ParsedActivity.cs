using IntegrationBot.Dialogs.Activities;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>An activity read from a request, or the error response to give instead.</summary>
internal sealed record ParsedActivity(Activity? Activity, IResult? Error);

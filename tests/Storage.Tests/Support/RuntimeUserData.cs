using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>A provider's erasure and retention of the runtime's records (state, outbox, counters, inbound ids).</summary>
public sealed record RuntimeUserData(IUserDataEraser Eraser, IRetentionPurgeable Retention);

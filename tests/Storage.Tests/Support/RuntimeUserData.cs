using IntegrationBot.Handoff.Privacy;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>A provider's erasure and retention of the runtime's records (state, outbox, counters, inbound ids).</summary>
public sealed record RuntimeUserData(IUserDataEraser Eraser, IRetentionPurgeable Retention);

using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Handoff.Privacy;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>A provider's erasure, retention and conversation directory of the web chat log.</summary>
public sealed record WebChatUserData(IConversationKeepingEraser Eraser, IRetentionPurgeable Retention, IUserConversationDirectory Directory);

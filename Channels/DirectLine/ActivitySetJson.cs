namespace IntegrationBot.Channels.DirectLine;

/// <summary>A Direct Line activity set, already serialized (UTF-8), with its watermark and how many activities it holds.</summary>
public sealed record ActivitySetJson(byte[] Json, long Watermark, int Count);

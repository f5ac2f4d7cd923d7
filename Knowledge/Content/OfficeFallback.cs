namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Words, in the reader's language, for office details the operator did not configure: <see cref="Name"/> stands for a
/// missing office name ("the Starting Point office"), <see cref="AskOffice"/> for any other missing value.
/// </summary>
public sealed record OfficeFallback(string Name, string AskOffice);

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// An <c>ask-back-&lt;name&gt;</c> section of intents.yaml: a word that several topics share and that alone does not say
/// which is meant ("dovoljenje", "permit": a residence permit or a work permit). A message that is only such a word (and
/// filler words) is asked back, "Did you mean…", with <see cref="Topics"/> as the buttons in the order written.
/// </summary>
/// <param name="Name">The section's name after <c>ask-back-</c>.</param>
/// <param name="Topics">The topic ids offered, most likely first.</param>
/// <param name="Cues">Whole-message cues per language (<c>= dovoljenje</c>).</param>
public sealed record AskBackCues(string Name, IReadOnlyList<string> Topics, IReadOnlyDictionary<string, IReadOnlyList<string>> Cues);

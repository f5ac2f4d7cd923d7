namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// What kind of danger a message signals, from the <c>emergency-&lt;kind&gt;</c> sections of intents.yaml: each kind has
/// its own first line and the right number first. Stored names (the yaml sections, string keys) are the lower-case names.
/// </summary>
public enum EmergencyKind
{
    /// <summary>Not an emergency.</summary>
    None,

    /// <summary>Someone is ill, hurt, unconscious, not breathing; also fire and accidents: 112.</summary>
    Medical,

    /// <summary>A threat, a weapon, an attack, a danger with no other kind: the police, 113.</summary>
    Danger,

    /// <summary>Violence at home or sexual violence: the SOS helpline, and 113 when in danger now.</summary>
    Violence,

    /// <summary>Thoughts of suicide or a crisis: the 24-hour line for emotional distress, and 112 when life is at risk.</summary>
    Suicide,

    /// <summary>A child in danger or missing: 113, the missing-children and TOM lines.</summary>
    Child,
}

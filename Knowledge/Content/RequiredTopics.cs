namespace IntegrationBot.Knowledge.Content;

/// <summary>The topic ids the knowledge base must contain (other modules refer to them by these ids).</summary>
public static class RequiredTopics
{
    public static IReadOnlyList<string> Ids { get; } =
    [
        "emergency-numbers", "residence-permit", "family-reunification", "asylum", "address-registration",
        "tax-number", "health-insurance", "doctor", "bank-account", "phone-number", "job-search", "work-permit",
        "qualification-recognition", "slovenian-course", "adult-education", "school-enrolment", "kindergarten",
        "social-assistance", "legal-aid", "housing", "driving-licence", "public-transport", "leisure-culture",
        "office-contact", "violence-help",
    ];
}

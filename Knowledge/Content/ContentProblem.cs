namespace IntegrationBot.Knowledge.Content;

/// <summary>One problem in the content: where it is (file, topic, language, field) and what is wrong.</summary>
public sealed record ContentProblem(string File, string? Topic, string? Language, string? Field, string Message)
{
    /// <summary>One line for people: <c>topics/doctor.yaml: topic=doctor lang=sq field=answer: longer than 900 characters</c>.</summary>
    public override string ToString()
    {
        var where = string.Join(' ', new[]
        {
            Topic is null ? null : $"topic={Topic}",
            Language is null ? null : $"lang={Language}",
            Field is null ? null : $"field={Field}",
        }.Where(part => part is not null));
        return where.Length == 0 ? $"{File}: {Message}" : $"{File}: {where}: {Message}";
    }
}

using IntegrationBot.Editing.Store;

namespace IntegrationBot.Editing.Editor;

/// <summary>The outcome of an edit: the version written (when done) or why nothing was written (<see cref="Problems"/> as <c>kb check</c> words them).</summary>
public sealed record EditResult(EditStatus Status, TopicVersion? Version = null, IReadOnlyList<string>? Problems = null)
{
    public static EditResult Done(TopicVersion version) => new(EditStatus.Done, version);

    public static EditResult Invalid(params IReadOnlyList<string> problems) => new(EditStatus.Invalid, Problems: problems);

    public static EditResult NotFound { get; } = new(EditStatus.NotFound);

    public static EditResult Forbidden { get; } = new(EditStatus.Forbidden);

    public static EditResult Conflict { get; } = new(EditStatus.Conflict);
}

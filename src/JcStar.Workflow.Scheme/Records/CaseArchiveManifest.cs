namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// manifest.json of a case archive: which case, when it was exported and by whom, and every file in the archive
/// with its checksum, so an assessor can see that nothing was added or left out.
/// </summary>
public sealed record CaseArchiveManifest(
    string Format,
    string InstanceId,
    string? BusinessKey,
    string ProcessId,
    string DefinitionId,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    int Letters,
    int Mails,
    int HistoryEntries,
    int Decisions,
    int ConflictChecks,
    IReadOnlyList<CaseArchiveFile> Files)
{
    public const string CurrentFormat = "jcstar-case-record/1";
}

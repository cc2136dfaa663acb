namespace JcStar.Workflow.Runtime.Documents;

/// <summary>A template version before the store numbers it.</summary>
/// <param name="FromFolder">
/// Deployed from the templates folder at start: no new version when any version of the name already has this content
/// (a restart with unchanged files, or files older than an upload, changes nothing). An upload (false) makes a new version
/// unless the latest already has this content.
/// </param>
public sealed record NewLetterTemplateVersion(
    string Name,
    byte[] Content,
    DateTimeOffset At,
    string CreatedBy,
    string? Note,
    bool FromFolder);

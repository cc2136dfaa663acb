using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents.Versions;

/// <summary>
/// What an upload did: refused (<see cref="Check"/> holds errors; <see cref="Version"/> is null and the current version stays),
/// stored as a new version, or found the same as the latest version (<see cref="IsNew"/> false: nothing stored).
/// </summary>
public sealed record LetterTemplateUpload(TemplateCheckResult Check, LetterTemplateVersion? Version, bool IsNew)
{
    public bool Refused => Version is null;
}

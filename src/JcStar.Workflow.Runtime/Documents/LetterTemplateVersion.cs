namespace JcStar.Workflow.Runtime.Documents;

/// <summary>
/// One version of a letter template (a Word file). The files under templates/ are version 1; every accepted upload
/// makes the next version. Letters render from the latest version and record which one made them.
/// </summary>
/// <param name="Name">Template name as workflows bind it (document.render's <c>template</c> input), e.g. grant-notice.</param>
/// <param name="Version">1, 2, …: one more than the latest when stored.</param>
/// <param name="Sha256">SHA-256 (hex, lower case) of the Word file: what a letter records as its template content hash.</param>
/// <param name="Size">Length of the Word file in bytes.</param>
/// <param name="CreatedAt">When the version was stored.</param>
/// <param name="CreatedBy">Who uploaded it (user id), or <c>system:templates</c> for a file deployed from the templates folder.</param>
/// <param name="Note">Why the version was made, as its author wrote it.</param>
public sealed record LetterTemplateVersion(
    string Name,
    int Version,
    string Sha256,
    long Size,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? Note);

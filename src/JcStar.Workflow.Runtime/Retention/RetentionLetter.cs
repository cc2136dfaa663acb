namespace JcStar.Workflow.Runtime.Retention;

/// <summary>A letter retention removes the content of: which document, its outgoing document number (文書番号) when the case recorded one, and its checksum.</summary>
public sealed record RetentionLetter(string DocumentId, string Name, string? DocumentNumber, string Sha256, long Size);

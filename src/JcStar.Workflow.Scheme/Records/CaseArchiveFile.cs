namespace JcStar.Workflow.Scheme.Records;

/// <summary>One file of a case archive as its manifest lists it: where it is in the zip, what it is, its SHA-256 (hex) and size.</summary>
public sealed record CaseArchiveFile(string Path, string Kind, string Sha256, long Size, string? Note = null);

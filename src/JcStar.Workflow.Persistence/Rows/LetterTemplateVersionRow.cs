namespace JcStar.Workflow.Persistence.Rows;

/// <summary>One version of a letter template with its Word file; (Name, Version) is the key, so two uploads cannot take one number.</summary>
public sealed class LetterTemplateVersionRow
{
    public required string Name { get; set; }
    public int Version { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? Note { get; set; }
    public required byte[] Content { get; set; }
}

namespace JcStar.Workflow.Persistence.Rows;

/// <summary>A case's rendered document with its bytes, when Documents:Store is "Database".</summary>
public sealed class DocumentRow
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public string? BusinessKey { get; set; }
    public required string Name { get; set; }
    public required string TemplateName { get; set; }
    public required string TemplateContentHash { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required byte[] Content { get; set; }

    /// <summary>When retention removed the content (then <see cref="Content"/> is empty and the row is the record of the letter).</summary>
    public DateTimeOffset? ContentRemovedAt { get; set; }

    public string? ContentRemovedReason { get; set; }

    /// <summary>Render job id plus part (docx/pdf); unique where set, so a job that runs again stores no second copy.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The version of the template that rendered the letter; null for uploads and older letters.</summary>
    public int? TemplateVersion { get; set; }
}

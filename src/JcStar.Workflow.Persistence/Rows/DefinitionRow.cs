namespace JcStar.Workflow.Persistence.Rows;

public sealed class DefinitionRow
{
    public string Id { get; set; } = "";
    public string ProcessId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string ContentHash { get; set; } = "";
    public string Xml { get; set; } = "";
    public string SourceName { get; set; } = "";

    /// <summary>JSON array of the definition ids this version calls (pinned at deployment).</summary>
    public string CalledDefinitionIdsJson { get; set; } = "[]";
    public string? PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>What the publisher wrote about this version (null for files deployed from disk).</summary>
    public string? Note { get; set; }
}

namespace JcStar.Workflow.Persistence.Rows;

/// <summary>A form (form-js JSON) as it was when the definition version naming it was published.</summary>
public sealed class DefinitionFormRow
{
    public string DefinitionId { get; set; } = "";
    public string FormKey { get; set; } = "";
    public string Json { get; set; } = "";
}

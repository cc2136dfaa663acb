namespace JcStar.Workflow.Scheme.Persistence.Rows;

/// <summary>A declared conflict of interest; <see cref="Id"/> keeps the order of declaration.</summary>
public sealed class ConflictDeclarationRow
{
    public long Id { get; set; }
    public string PartyId { get; set; } = "";
    public string SupplierId { get; set; } = "";
    public string? ProductName { get; set; }
    public int Kind { get; set; }
    public string Detail { get; set; } = "";
    public DateOnly DeclaredOn { get; set; }
}

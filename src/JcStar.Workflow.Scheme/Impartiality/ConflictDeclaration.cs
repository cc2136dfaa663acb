namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>
/// A declared conflict of interest of a party (a facility id or a staff member's user id) with a
/// supplier, or with one of its products when <see cref="ProductName"/> is set.
/// </summary>
public sealed record ConflictDeclaration(
    string PartyId,
    string SupplierId,
    string? ProductName,
    ConflictKind Kind,
    string Detail,
    DateOnly DeclaredOn);

namespace JcStar.Workflow.Identity.Model;

/// <summary>An applicant company or an evaluation facility; the party a case belongs to.</summary>
public sealed class Organization
{
    public string Id { get; set; } = "";
    public OrganizationKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>法人番号: 13 digits, the first a check digit (<see cref="CorporateNumber"/>).</summary>
    public string CorporateNumber { get; set; } = "";

    /// <summary>For a facility: the scheme's facility record (the facility-&lt;id&gt; candidate group).</summary>
    public string? FacilityId { get; set; }
    public string? Representative { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>An organization that signed itself up while staff must approve new organizations: its members cannot sign in until approved.</summary>
    public bool AwaitingApproval { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The staff member who approved the sign-up.</summary>
    public string? ApprovedBy { get; set; }
}

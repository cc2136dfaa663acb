using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// Who asks: a person (with the groups their roles give them, and the organization they belong to) or the
/// system itself (timers, background jobs). <see cref="Groups"/> are what BPMN candidate groups and starter
/// groups are matched against; <see cref="OrganizationId"/> and <see cref="FacilityId"/> are what the case
/// access policy matches a case's parties against.
/// </summary>
public sealed record WorkflowActor(string Id, ImmutableArray<string> Groups, bool IsAdmin = false)
{
    public static WorkflowActor System { get; } = new("system", [], IsAdmin: true);

    /// <summary>The user's roles (applicant, facility, label-issuing-staff, …); empty for the system.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>The applicant company or facility organization the user belongs to, if any.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>For members of an evaluation facility's organization: the facility's id in the scheme.</summary>
    public string? FacilityId { get; init; }

    public bool IsSystem => ReferenceEquals(this, System);

    public bool IsIn(string group) => Groups.Contains(group, StringComparer.Ordinal);

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

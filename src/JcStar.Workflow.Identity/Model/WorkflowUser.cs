using Microsoft.AspNetCore.Identity;

namespace JcStar.Workflow.Identity.Model;

/// <summary>A person who signs in. <see cref="IdentityUser.UserName"/> is the id tasks, audit and the engine know them by.</summary>
public sealed class WorkflowUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The applicant company or evaluation facility the user belongs to (at most one).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Set for a password given by someone else (the first administrator's, an admin's reset): changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

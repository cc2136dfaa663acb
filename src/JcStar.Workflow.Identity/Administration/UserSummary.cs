namespace JcStar.Workflow.Identity.Administration;

public sealed record UserSummary(string UserName, string? DisplayName, string? Email, IReadOnlyList<string> Roles, string? OrganizationId, bool IsDisabled, bool TwoFactorEnabled);

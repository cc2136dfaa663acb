using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Identity.Administration;

/// <param name="OneTimePassword">The generated password, shown once; null when the creator gave one.</param>
public sealed record CreatedUser(WorkflowUser User, string? OneTimePassword);

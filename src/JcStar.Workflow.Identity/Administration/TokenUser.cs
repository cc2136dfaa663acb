using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Identity.Administration;

/// <summary>The user a personal access token belongs to, and when the token expires (null: never).</summary>
public sealed record TokenUser(WorkflowUser User, DateTimeOffset? ExpiresAt);

using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Identity.SignUp;

/// <param name="Token">The token the mailed link carries (Identity's e-mail confirmation or password-reset token); never stored.</param>
public sealed record PendingConfirmation(WorkflowUser User, Organization Organization, string Token);

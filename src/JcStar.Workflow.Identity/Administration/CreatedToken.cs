using JcStar.Workflow.Identity.Model;

namespace JcStar.Workflow.Identity.Administration;

/// <param name="Secret">The token itself: shown once, never stored.</param>
public sealed record CreatedToken(AccessToken Token, string Secret);

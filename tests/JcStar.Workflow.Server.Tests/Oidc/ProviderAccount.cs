namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>The person the test OpenID provider signs in at its authorize endpoint, as its tokens and userinfo describe them.</summary>
public sealed record ProviderAccount(string Subject, string UserName, string Name, string Email, IReadOnlyList<string> Roles, string? Organization);

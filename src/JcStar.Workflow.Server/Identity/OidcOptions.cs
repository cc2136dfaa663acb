namespace JcStar.Workflow.Server.Identity;

/// <summary>OpenID Connect sign-in ("Authentication:Oidc"): on when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "組織のアカウント (Organization account)";

    /// <summary>The claim that carries the user's roles (each value one of the scheme's roles).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the user's organization: its id here, or its 法人番号.</summary>
    public string OrganizationClaim { get; set; } = "org";

    /// <summary>The claim used as the user name here.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public bool RequireHttpsMetadata { get; set; } = true;

    public string[] Scopes { get; set; } = ["openid", "profile", "email"];
}

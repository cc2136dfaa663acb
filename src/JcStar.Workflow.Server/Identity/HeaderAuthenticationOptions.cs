using Microsoft.AspNetCore.Authentication;

namespace JcStar.Workflow.Server.Identity;

public sealed class HeaderAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Off unless "Authentication:Headers" is true: anyone who can reach the server could claim any identity.</summary>
    public bool Enabled { get; set; }
}

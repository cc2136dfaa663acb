namespace JcStar.Workflow.Identity.Administration;

/// <param name="Password">Null: a one-time password is generated, to be changed at first sign-in.</param>
public sealed record NewUser(string UserName, string Role, string? OrganizationId = null, string? Email = null, string? Password = null)
{
    public string? DisplayName { get; init; }
}

namespace JcStar.Workflow.Identity.SignUp;

/// <summary>An organization registering itself with its first user, as typed on the sign-up page. The e-mail address is the user's sign-in name.</summary>
public sealed record SignUpRequest(
    string? CompanyName,
    string? CorporateNumber,
    string? PostalCode,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    string? Email,
    string? Password,
    string? PasswordConfirmation);

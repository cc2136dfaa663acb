namespace JcStar.Workflow.Server.Api;

public sealed record NewUserRequest(string? UserName, string? Role, string? OrganizationId, string? Email, string? Password, string? DisplayName);

public sealed record NewOrganizationRequest(
    string? Name, string? CorporateNumber, string? Kind, string? FacilityId, string? Representative,
    string? PostalCode, string? Address, string? ContactName, string? ContactEmail, string? ContactPhone);

public sealed record NewTokenRequest(string? Name, string? Expires);

public sealed record ConflictRequest(string? OrganizationId, string? Kind, string? Detail, string? ProductName, string? Party);

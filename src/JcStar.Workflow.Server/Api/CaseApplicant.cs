using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// The applicant organization of a new case and the <c>applicant</c> block its letters use, from the register:
/// an applicant files for their own organization; staff may name the organization they file for. Never from a
/// variable the caller sends.
/// </summary>
public static class CaseApplicant
{
    public static async Task<(string? OrganizationId, ImmutableDictionary<string, JsonElement> Derived)> ResolveAsync(
        WorkflowActor actor, string? requested, AccessAdministration administration, CancellationToken ct)
    {
        string? organizationId;
        if (actor.HasRole(SchemeRoles.Applicant) && !actor.IsAdmin)
        {
            if (requested is not null && requested != actor.OrganizationId)
                throw Invalid("an applicant files for their own organization only");
            organizationId = actor.OrganizationId ?? throw Invalid("your account belongs to no applicant organization");
        }
        else
        {
            organizationId = requested;
        }
        if (organizationId is null)
            return (null, ImmutableDictionary<string, JsonElement>.Empty);
        var organization = await administration.FindOrganizationAsync(organizationId, ct);
        if (organization is not { Kind: OrganizationKind.Applicant })
            throw Invalid($"{organizationId} is not a registered applicant organization");
        var applicant = JsonSerializer.SerializeToElement(new
        {
            id = organization.Id,
            name = organization.Name,
            corporateNumber = organization.CorporateNumber,
            representative = organization.Representative,
            contactName = organization.ContactName,
            email = organization.ContactEmail,
            phone = organization.ContactPhone,
            postalCode = organization.PostalCode,
            address = organization.Address,
        });
        return (organization.Id, ImmutableDictionary<string, JsonElement>.Empty.Add("applicant", applicant));
    }

    private static WorkflowInputException Invalid(string message) =>
        new(message, new Dictionary<string, string[]> { ["applicantOrganizationId"] = [message] });
}

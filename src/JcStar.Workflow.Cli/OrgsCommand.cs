using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar orgs add NAME --corporate-number NUMBER [--facility FACILITY-ID]</c> registers an applicant company
/// (or, with --facility, an evaluation facility's organization) and prints its id alone on the last line;
/// <c>jcstar orgs list</c> prints one tab-separated line per organization.
/// </summary>
internal static class OrgsCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var name = new Argument<string>("name") { Description = "the organization's name" };
        var corporateNumber = new Option<string>("--corporate-number") { Description = "法人番号: 13 digits, the first a check digit", Required = true };
        var facility = new Option<string?>("--facility") { Description = "the evaluation facility's id: registers the facility's organization" };
        var representative = new Option<string?>("--representative") { Description = "代表者" };
        var postalCode = new Option<string?>("--postal-code");
        var address = new Option<string?>("--address");
        var contactName = new Option<string?>("--contact-name");
        var contactEmail = new Option<string?>("--contact-email");
        var contactPhone = new Option<string?>("--contact-phone");

        var add = database.AddTo(new Command("add", "register an applicant company or an evaluation facility's organization; prints its id")
        {
            name, corporateNumber, facility, representative, postalCode, address, contactName, contactEmail, contactPhone,
        });
        RegisterCommandAction.Set(add, database, async (parse, session, output, ct) =>
        {
            var facilityId = parse.GetValue(facility);
            var organization = await session.Services.GetRequiredService<AccessAdministration>().CreateOrganizationAsync(
                new NewOrganization(parse.GetValue(name) ?? "", parse.GetValue(corporateNumber) ?? "", facilityId is null ? OrganizationKind.Applicant : OrganizationKind.Facility)
                {
                    FacilityId = facilityId,
                    Representative = parse.GetValue(representative),
                    PostalCode = parse.GetValue(postalCode),
                    Address = parse.GetValue(address),
                    ContactName = parse.GetValue(contactName),
                    ContactEmail = parse.GetValue(contactEmail),
                    ContactPhone = parse.GetValue(contactPhone),
                }, ct);
            output.WriteLine($"registered {(organization.Kind == OrganizationKind.Facility ? $"evaluation facility {organization.FacilityId}" : "applicant")} {organization.Name} ({organization.CorporateNumber}):");
            output.WriteLine(organization.Id);
            return RegisterCommandAction.Done;
        });

        var list = database.AddTo(new Command("list", "list the organizations: id, kind, corporate number, facility, name"));
        RegisterCommandAction.Set(list, database, async (_, session, output, ct) =>
        {
            output.WriteLine("id\tkind\tcorporate-number\tfacility\tname");
            foreach (var o in await session.Services.GetRequiredService<AccessAdministration>().ListOrganizationsAsync(ct))
                output.WriteLine($"{o.Id}\t{o.Kind.ToString().ToLowerInvariant()}\t{o.CorporateNumber}\t{o.FacilityId ?? "-"}\t{o.Name}");
            return RegisterCommandAction.Done;
        });

        return new Command("orgs", "applicant companies and evaluation facilities") { add, list };
    }
}

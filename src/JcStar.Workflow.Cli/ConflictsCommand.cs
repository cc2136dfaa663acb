using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar conflicts declare PARTY --org ORG-ID --detail TEXT [--kind KIND] [--product NAME]</c> records a
/// conflict of interest (JSS-01 6.2) of PARTY (a user name or a facility id) with an organization, in the same
/// conflict register the server's impartiality rules read; <c>jcstar conflicts list PARTY</c> prints them.
/// </summary>
internal static class ConflictsCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var party = new Argument<string>("party") { Description = "a user name (staff) or an evaluation facility's id" };
        var org = new Option<string>("--org") { Description = "the organization the party has a stake in", Required = true };
        var detail = new Option<string>("--detail") { Description = "what the conflict is", Required = true };
        var kind = new Option<ConflictKind>("--kind") { Description = "DevelopedProduct, ConsultedApplicant, FinancialInterest or Other", DefaultValueFactory = _ => ConflictKind.Other };
        var product = new Option<string?>("--product") { Description = "only this product of the organization" };

        var declare = database.AddTo(new Command("declare", "declare a conflict of interest with an organization") { party, org, detail, kind, product });
        RegisterCommandAction.Set(declare, database, async (parse, session, output, ct) =>
        {
            var partyId = parse.GetValue(party)?.Trim() ?? "";
            var organizationId = parse.GetValue(org)?.Trim() ?? "";
            var text = parse.GetValue(detail)?.Trim() ?? "";
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!await IsPartyAsync(session.Services, partyId, ct))
                errors["party"] = [$"'{partyId}' is neither a user nor an evaluation facility"];
            if (await session.Services.GetRequiredService<AccessAdministration>().FindOrganizationAsync(organizationId, ct) is null)
                errors["organizationId"] = [$"organization {organizationId} does not exist"];
            if (text.Length == 0)
                errors["detail"] = ["say what the conflict is"];
            if (errors.Count > 0)
                throw new Runtime.WorkflowInputException("the conflict cannot be declared", errors);

            var today = DateOnly.FromDateTime(session.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var declaration = new ConflictDeclaration(partyId, organizationId, string.IsNullOrWhiteSpace(parse.GetValue(product)) ? null : parse.GetValue(product)!.Trim(), parse.GetValue(kind), text, today);
            session.Services.GetRequiredService<IConflictRegister>().Declare(declaration);
            output.WriteLine($"declared: {Line(declaration)}");
            return RegisterCommandAction.Done;
        });

        var listParty = new Argument<string>("party") { Description = "a user name or an evaluation facility's id" };
        var list = database.AddTo(new Command("list", "list a party's declared conflicts of interest") { listParty });
        RegisterCommandAction.Set(list, database, (parse, session, output, _) =>
        {
            output.WriteLine("party\torganization\tkind\tproduct\tdeclared\tdetail");
            foreach (var d in session.Services.GetRequiredService<IConflictRegister>().DeclaredBy(parse.GetValue(listParty) ?? ""))
                output.WriteLine(Line(d));
            return Task.FromResult(RegisterCommandAction.Done);
        });

        return new Command("conflicts", "conflicts of interest of staff and evaluation facilities (JSS-01 6.2)") { declare, list };
    }

    private static string Line(ConflictDeclaration d) =>
        $"{d.PartyId}\t{d.SupplierId}\t{d.Kind}\t{d.ProductName ?? "-"}\t{d.DeclaredOn:yyyy-MM-dd}\t{d.Detail}";

    private static async Task<bool> IsPartyAsync(IServiceProvider services, string partyId, CancellationToken ct)
    {
        if (partyId.Length == 0)
            return false;
        var db = services.GetRequiredService<AccessDbContext>();
        return await db.Users.AnyAsync(u => u.UserName == partyId, ct)
            || await db.Organizations.AnyAsync(o => o.FacilityId == partyId, ct)
            || services.GetRequiredService<IFacilityStore>().Find(partyId) is not null;
    }
}

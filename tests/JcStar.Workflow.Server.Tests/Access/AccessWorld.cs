using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Scheme.Impartiality;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>
/// Real people of the scheme, signed in with real personal access tokens: an admin, a label-issuing clerk, a clerk
/// with a declared conflict with applicant A, a member of applicant A and of applicant B, and a facility member.
/// </summary>
public sealed class AccessWorld(WorkflowServerFactory server)
{
    public const string CompanyA = "株式会社アルファ電機";
    public const string CompanyB = "ベータ工業株式会社";

    public string OrgA { get; private set; } = "";
    public string OrgB { get; private set; } = "";
    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WorkflowActor> People { get; } = new(StringComparer.Ordinal);

    public static readonly string[] Roles = ["anonymous", "admin", "staff", "conflicted", "applicantA", "applicantB", "facility"];

    public async Task InitializeAsync()
    {
        if (OrgA.Length > 0)
            return;
        await using var scope = server.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
        OrgA = (await admin.CreateOrganizationAsync(new NewOrganization(CompanyA, "7000012050002") { ContactEmail = "a@alpha.example.jp" })).Id;
        OrgB = (await admin.CreateOrganizationAsync(new NewOrganization(CompanyB, "4000012090001") { ContactEmail = "b@beta.example.jp" })).Id;
        var facilityOrg = (await admin.CreateOrganizationAsync(new NewOrganization("評価センター", "5000012010024", OrganizationKind.Facility) { FacilityId = "FAC-9" })).Id;
        await AddAsync(admin, "matrix-admin", "admin", null);
        await AddAsync(admin, "sato", "label-issuing-staff", null);
        await AddAsync(admin, "kondo", "label-issuing-staff", null);
        await AddAsync(admin, "alice", "applicant", OrgA);
        await AddAsync(admin, "bob", "applicant", OrgB);
        await AddAsync(admin, "fumi", "facility", facilityOrg);
        scope.ServiceProvider.GetRequiredService<IConflictRegister>().Declare(
            new ConflictDeclaration("kondo", OrgA, null, ConflictKind.ConsultedApplicant, "元顧問", new DateOnly(2026, 1, 1)));
        Clients["anonymous"] = server.CreateClient();
        foreach (var (role, user) in new[] { ("admin", "matrix-admin"), ("staff", "sato"), ("conflicted", "kondo"), ("applicantA", "alice"), ("applicantB", "bob"), ("facility", "fumi") })
        {
            var token = await admin.CreateTokenAsync(user, "matrix", TimeSpan.FromDays(1));
            var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
            Clients[role] = client;
            var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
            People[role] = await scope.ServiceProvider.GetRequiredService<IActorDirectory>().FindAsync(user, CancellationToken.None) ?? throw new InvalidOperationException(user);
            _ = me;
        }
    }

    /// <summary>A case of applicant A or B, started by its own applicant through the runtime's outside door.</summary>
    public async Task<(string InstanceId, string TaskId)> CaseOfAsync(string who, string key)
    {
        var runtime = server.Services.GetRequiredService<WorkflowRuntime>();
        var applicant = who == "A" ? People["applicantA"] : People["applicantB"];
        var instance = await runtime.StartCaseAsync(new StartCase("MatrixCase", key, ImmutableDictionary<string, JsonElement>.Empty.Add("applicant", JsonSerializer.SerializeToElement(who == "A" ? CompanyA : CompanyB)))
        {
            ApplicantOrganizationId = applicant.OrganizationId,
        }, applicant);
        var task = (await server.Services.GetRequiredService<WorkflowQueries>().CaseTasksAsync(instance.Id, WorkflowActor.System)).Single();
        return (instance.Id, task.Id);
    }

    private static async Task AddAsync(AccessAdministration admin, string name, string role, string? org) =>
        await admin.CreateUserAsync(new NewUser(name, role, org, $"{name}@example.jp", "Matrix-Pass-2026!"));
}

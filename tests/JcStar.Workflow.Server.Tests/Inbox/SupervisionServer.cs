using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Identity.Model;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>
/// A server with a procedure of label-issuing staff whose case opens two steps at once (a high-priority check, and a
/// review due in three days) and a procedure only appeal handlers handle; real users: an admin, a clerk, a
/// label-issuing manager, and a manager with a declared conflict with applicant A. On PostgreSQL when asked.
/// </summary>
public class SupervisionServer() : WorkflowServerFactory(new Dictionary<string, string> { ["supervised.bpmn"] = Supervised, ["other-desk.bpmn"] = OtherDesk })
{
    private const string Supervised = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="S" targetNamespace="urn:test">
          <process id="SupervisedCase" name="監督対象の手続" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="Start" />
            <parallelGateway id="Split" />
            <userTask id="Check" name="緊急確認" jc:candidateGroups="label-issuing-staff" jc:priority="90" />
            <userTask id="Review" name="審査" jc:candidateGroups="label-issuing-staff" jc:dueDate="P3D" />
            <parallelGateway id="Join" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Split" />
            <sequenceFlow id="f2" sourceRef="Split" targetRef="Check" />
            <sequenceFlow id="f3" sourceRef="Split" targetRef="Review" />
            <sequenceFlow id="f4" sourceRef="Check" targetRef="Join" />
            <sequenceFlow id="f5" sourceRef="Review" targetRef="Join" />
            <sequenceFlow id="f6" sourceRef="Join" targetRef="End" />
          </process>
        </definitions>
        """;

    private const string OtherDesk = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="O" targetNamespace="urn:test">
          <process id="OtherDesk" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Hear" name="聴取" jc:candidateGroups="appeal-handlers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Hear" />
            <sequenceFlow id="f2" sourceRef="Hear" targetRef="End" />
          </process>
        </definitions>
        """;

    private readonly SemaphoreSlim once = new(1, 1);

    public string OrgA { get; private set; } = "";
    public string OrgB { get; private set; } = "";
    public Dictionary<string, WorkflowActor> People { get; } = new(StringComparer.Ordinal);

    /// <summary>The people, once per server.</summary>
    public async Task InitializeAsync()
    {
        await once.WaitAsync();
        try
        {
            if (OrgA.Length > 0)
                return;
            await using var scope = Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            OrgA = (await admin.CreateOrganizationAsync(new NewOrganization("株式会社アルファ電機", "7000012050002"))).Id;
            OrgB = (await admin.CreateOrganizationAsync(new NewOrganization("ベータ工業株式会社", "4000012090001"))).Id;
            foreach (var (name, role) in new[] { ("sup-admin", "admin"), ("sato", "label-issuing-staff"), ("mori", "label-issuing-manager"), ("kudo", "label-issuing-manager") })
                await admin.CreateUserAsync(new NewUser(name, role, null, $"{name}@example.jp", "Supervise-Pass-2026!"));
            scope.ServiceProvider.GetRequiredService<IConflictRegister>().Declare(
                new ConflictDeclaration("kudo", OrgA, null, ConflictKind.ConsultedApplicant, "元顧問", new DateOnly(2026, 1, 1)));
            var directory = scope.ServiceProvider.GetRequiredService<IActorDirectory>();
            foreach (var name in new[] { "sup-admin", "sato", "mori", "kudo" })
                People[name] = await directory.FindAsync(name, CancellationToken.None) ?? throw new InvalidOperationException(name);
        }
        finally
        {
            once.Release();
        }
    }

    /// <summary>A case of <paramref name="processId"/> for applicant A or B, under a fresh business key.</summary>
    public async Task<string> StartAsync(string processId, string applicant, string key)
    {
        var instance = await Services.GetRequiredService<WorkflowRuntime>().StartCaseAsync(
            new StartCase(processId, key, ImmutableDictionary<string, JsonElement>.Empty) { ApplicantOrganizationId = applicant == "A" ? OrgA : OrgB },
            WorkflowActor.System);
        return instance.Id;
    }

    protected virtual ScratchDatabase? Database => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Database is not { } database)
            return;
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateAtStart", "true");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Runtime.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// The procedures API and pages: what the modeler offers, the validator on a draft (the diagnostics of
/// <c>jcstar validate</c>), the changes against the published version, and publishing (a new version with its note,
/// audited, refused while an error remains); only admins and scheme managers.
/// </summary>
public sealed class ProcedureEndpointTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Manager => server.ClientFor("mori", roles: "scheme-manager");

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    private HttpClient Staff => server.ClientFor("sato", roles: "label-issuing-staff");

    /// <summary>The Approval process with a check step before the review, and (when broken) a flow to an element that does not exist.</summary>
    private static string Draft(string reviewName, bool broken = false) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Approval" isExecutable="true" jc:candidateStarterGroups="reviewers">
            <startEvent id="Start" jc:formKey="approval-start" />
            <userTask id="Check" name="形式確認" jc:candidateGroups="reviewers" jc:dueDate="P5D" />
            <userTask id="Review" name="{reviewName}" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Check" />
            <sequenceFlow id="f3" sourceRef="Check" targetRef="{(broken ? "Nowhere" : "Review")}" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Scheme_managers_and_admins_may_use_the_procedures_pages_and_api_and_other_staff_may_not()
    {
        foreach (var client in new[] { Manager, Admin })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/procedures/catalog", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/procedures", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/procedures/Approval/edit", Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/procedures/catalog", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.PostAsJsonAsync("/api/procedures/Approval/publish", new { xml = Draft("審査"), note = "x" }, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Staff.GetAsync("/procedures", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Manager.GetAsync("/api/procedures/NoSuchProcess/source", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_catalog_offers_the_registered_activities_the_groups_the_roles_give_and_the_forms()
    {
        var catalog = await Manager.GetFromJsonAsync<JsonElement>("/api/procedures/catalog", Ct);

        Assert.Contains("mail.send", Strings(catalog, "activities"));
        Assert.Contains("scheme-managers", Strings(catalog, "groups"));
        Assert.Contains("label-issuing-staff", Strings(catalog, "groups"));
        Assert.Equal(["approval-start"], Strings(catalog, "forms"));
    }

    [Fact]
    public async Task The_catalog_offers_the_word_templates_and_the_mail_templates_found_in_the_template_folders()
    {
        var templates = Path.Combine(server.DataRoot, "catalog-templates");
        Directory.CreateDirectory(Path.Combine(templates, "mail", "grant-notice"));
        Directory.CreateDirectory(Path.Combine(templates, "mail", "half-made"));
        File.WriteAllText(Path.Combine(templates, "grant-notice.docx"), "");
        File.WriteAllText(Path.Combine(templates, "grant-notice.example.json"), "{}");
        File.WriteAllText(Path.Combine(templates, "acceptance-form.docx"), "");
        File.WriteAllText(Path.Combine(templates, "mail", "grant-notice", "subject.liquid"), "件名");
        File.WriteAllText(Path.Combine(templates, "mail", "grant-notice", "body.txt.liquid"), "本文");
        File.WriteAllText(Path.Combine(templates, "mail", "half-made", "subject.liquid"), "件名だけ");
        // A server of its own (its own data folder: SQLite serves one node), reading templates from that folder.
        await using var configured = server.WithWebHostBuilder(b => b
            .UseSetting("Data:Root", Path.Combine(templates, "data"))
            .UseSetting("Documents:TemplatesRoot", templates)
            .UseSetting("Mail:TemplateFolder", Path.Combine(templates, "mail")));
        using var client = configured.CreateClient();
        client.DefaultRequestHeaders.Add("X-User", "mori");
        client.DefaultRequestHeaders.Add("X-Roles", "scheme-manager");

        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/procedures/catalog", Ct);

        Assert.Equal(["acceptance-form", "grant-notice"], Strings(catalog, "letterTemplates"));
        Assert.Equal(["grant-notice"], Strings(catalog, "mailTemplates"));
    }

    [Fact]
    public async Task Validating_a_draft_gives_the_same_diagnostics_as_jcstar_validate_keyed_by_element()
    {
        var xml = Draft("審査", broken: true);
        var expected = BpmnValidator.Validate(BpmnReader.Read(xml, "draft.bpmn"), new JintExpressionSyntax())
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Order().ToList();

        var response = await Manager.PostAsJsonAsync("/api/procedures/validate", new { xml }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = result.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, errors.Select(d => d.GetProperty("text").GetString()!).Order().ToList());
        Assert.Equal(expected.Count, result.GetProperty("errors").GetInt32());
        Assert.Contains(errors, d => d.GetProperty("elementId").GetString() == "f3");
        var clean = await (await Manager.PostAsJsonAsync("/api/procedures/validate", new { xml = Draft("審査") }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, clean.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task The_changes_against_the_published_version_name_the_added_removed_and_changed_elements()
    {
        // A server of its own: the publishing test of this class makes the draft the published version.
        await using var own = new WorkflowServerFactory();
        var manager = own.ClientFor("mori", roles: "scheme-manager");
        var diff = await (await manager.PostAsJsonAsync("/api/procedures/Approval/diff", new { xml = Draft("最終審査") }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(["Check", "f3"], Ids(diff, "added"));
        Assert.Empty(Ids(diff, "removed"));
        var changed = diff.GetProperty("changed").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => Strings(c, "attributes"));
        Assert.Equal(["name"], changed["Review"]);
        Assert.Equal(["targetRef"], changed["f1"]);
    }

    [Fact]
    public async Task Publishing_is_refused_while_an_error_remains_and_then_makes_the_next_version_with_its_note_audited()
    {
        var before = await VersionsAsync();

        var refused = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish", new { xml = Draft("審査", broken: true), note = "形式確認を追加" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("f3", await refused.Content.ReadAsStringAsync(Ct));
        var noNote = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish", new { xml = Draft("審査") }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(before, await VersionsAsync());

        var published = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish", new { xml = Draft("審査（公開）"), note = "形式確認を追加" }, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var view = await published.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(before.Max() + 1, view.GetProperty("version").GetInt32());
        Assert.Equal("形式確認を追加", view.GetProperty("note").GetString());
        Assert.Equal("mori", view.GetProperty("publishedBy").GetString());

        var versions = await Admin.GetFromJsonAsync<JsonElement>("/api/definitions/Approval/versions", Ct);
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("version").GetInt32() == before.Max() + 1 && v.GetProperty("note").GetString() == "形式確認を追加");
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(Ct))
        {
            var audit = await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.DefinitionDeployed && e.Actor == "mori").ToListAsync(Ct);
            Assert.Contains(audit, e => JsonDocument.Parse(e.DataJson!).RootElement.GetProperty("note").GetString() == "形式確認を追加");
        }
        var page = await (await Manager.GetAsync("/procedures/Approval", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("形式確認を追加", page);

        var again = await Manager.PostAsJsonAsync("/api/procedures/Approval/publish", new { xml = Draft("審査（公開）"), note = "同じもの" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private async Task<List<int>> VersionsAsync() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>("/api/definitions/Approval/versions", Ct)).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Order()];

    private static List<string> Strings(JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!)];

    private static List<string> Ids(JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetProperty("id").GetString()!)];
}

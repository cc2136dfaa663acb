using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests;

/// <summary>A case's letters and mail log over the API: listed, downloaded under their Japanese names, hidden from outsiders.</summary>
public sealed class CaseRecordTests : IClassFixture<CaseRecordTests.LetterServer>
{
    private const string LetterProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="d" targetNamespace="t">
          <process id="Letter" isExecutable="true" jc:candidateStarterGroups="label-issuing-staff">
            <startEvent id="start" jc:formKey="letter-start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="render"/>
            <serviceTask id="render" jc:activity="document.render">
              <extensionElements>
                <jc:input name="template">${'withdrawal-notice'}</jc:input>
                <jc:input name="fileName">${'申請取下げ通知書_' + applicationNumber}</jc:input>
                <jc:output name="withdrawalNoticeId">${documentId}</jc:output>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="render" targetRef="mail"/>
            <sendTask id="mail" jc:activity="mail.send">
              <extensionElements>
                <jc:input name="to">${applicant.email}</jc:input>
                <jc:input name="template">${'withdrawal-notice'}</jc:input>
                <jc:input name="attachments">${[withdrawalNoticeId]}</jc:input>
              </extensionElements>
            </sendTask>
            <sequenceFlow id="f3" sourceRef="mail" targetRef="wait"/>
            <userTask id="wait" name="確認" jc:candidateGroups="label-issuing-staff"/>
            <sequenceFlow id="f4" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string LetterStartForm = """
        { "type": "default", "id": "letter-start", "components": [
          { "type": "textfield", "key": "applicationNumber", "validate": { "required": true } },
          { "type": "select", "key": "level", "values": [ { "label": "★1", "value": "Star1" }, { "label": "★2", "value": "Star2" } ] },
          { "type": "datetime", "key": "receivedOn" },
          { "type": "datetime", "key": "withdrawnOn" },
          { "type": "textarea", "key": "withdrawalReason" },
          { "type": "textfield", "key": "product.name" },
          { "type": "taglist", "key": "product.modelNumbers" }
        ] }
        """;

    private static object Case(string organizationId) => new
    {
        processId = "Letter",
        businessKey = "JCS-A-2026-00007",
        applicantOrganizationId = organizationId,
        variables = new
        {
            applicationNumber = "JCS-A-2026-00007",
            level = "Star1",
            receivedOn = "2026-04-01",
            withdrawnOn = "2026-05-01",
            withdrawalReason = "補正期限までに再提出がありませんでした",
            product = new { name = "ネットワークカメラ NC-100", modelNumbers = new[] { "NC-100" } },
        },
    };

    /// <summary>The applicant of the cases: registered once, its contact is who the letters are mailed to.</summary>
    private async Task<string> ApplicantAsync()
    {
        var admin = server.ClientFor("admin", roles: "admin");
        var organizations = await admin.GetFromJsonAsync<JsonElement>("/api/admin/organizations", Ct);
        if (organizations.EnumerateArray().FirstOrDefault(o => o.GetProperty("corporateNumber").GetString() == "7000012050002") is { ValueKind: JsonValueKind.Object } known)
            return known.GetProperty("id").GetString()!;
        var created = await admin.PostAsJsonAsync("/api/admin/organizations", new
        {
            name = "株式会社サンプル電機", corporateNumber = "7000012050002", representative = "代表取締役　山田 太郎",
            contactName = "鈴木 花子", contactEmail = "hanako@example.jp",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private readonly LetterServer server;

    public CaseRecordTests(LetterServer server) => this.server = server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_list_a_cases_letters_download_them_under_their_Japanese_name_and_see_its_mail_log()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", Case(await ApplicantAsync()), Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var documents = await staff.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents", Ct);
        var letter = Assert.Single(documents.EnumerateArray());
        Assert.Equal("申請取下げ通知書_JCS-A-2026-00007.docx", letter.GetProperty("name").GetString());

        var download = await staff.GetAsync($"/api/documents/{letter.GetProperty("id").GetString()}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("申請取下げ通知書_JCS-A-2026-00007.docx", download.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));

        var mails = await staff.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/mails", Ct);
        var mail = Assert.Single(mails.EnumerateArray());
        Assert.Equal("withdrawal-notice", mail.GetProperty("templateName").GetString());
        Assert.Equal(["hanako@example.jp"], mail.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("JCS-A-2026-00007", mail.GetProperty("subject").GetString());
        Assert.Contains(mail.GetProperty("status").GetString(), new[] { "queued", "sending", "sent" });
    }

    [Fact]
    public async Task A_letter_whose_content_retention_removed_downloads_as_gone_with_its_record_not_as_an_error()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", Case(await ApplicantAsync()), Ct);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var letter = (await staff.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents", Ct))[0];
        var store = server.Services.GetRequiredService<JcStar.Workflow.Runtime.Documents.IDocumentStore>();
        await store.RemoveContentAsync(letter.GetProperty("id").GetString()!, new DateTimeOffset(2036, 6, 1, 0, 0, 0, TimeSpan.Zero), "retention: test", Ct);

        var download = await staff.GetAsync($"/api/documents/{letter.GetProperty("id").GetString()}", Ct);

        Assert.Equal(HttpStatusCode.Gone, download.StatusCode);
        var text = await download.Content.ReadAsStringAsync(Ct);
        Assert.Contains("申請取下げ通知書_JCS-A-2026-00007.docx was removed by retention on 2036-06-01", text);
        Assert.Contains(letter.GetProperty("sha256").GetString()!, text);
    }

    [Fact]
    public async Task Staff_download_the_case_record_archive_and_an_applicant_is_told_it_does_not_exist()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var organization = await ApplicantAsync();
        var started = await staff.PostAsJsonAsync("/api/instances", Case(organization), Ct);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var download = await staff.GetAsync($"/api/instances/{instanceId}/record", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await download.Content.ReadAsStreamAsync(Ct));
        Assert.NotNull(zip.GetEntry("letters/申請取下げ通知書_JCS-A-2026-00007.docx"));
        Assert.NotNull(zip.GetEntry("manifest.json"));
        Assert.NotNull(zip.GetEntry("history.csv"));
        var applicant = server.ClientFor("hanako", "applicant", org: organization);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/instances/{instanceId}/record", Ct)).StatusCode);
    }

    [Fact]
    public async Task Someone_not_entitled_to_the_case_gets_no_trace_of_its_letters_or_mail()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", Case(await ApplicantAsync()), Ct);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var letterId = (await staff.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents", Ct))[0].GetProperty("id").GetString();

        var other = server.ClientFor("tanaka", "another-applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/instances/{instanceId}/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{letterId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/instances/{instanceId}/mails", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_retry_mail_and_only_a_failed_message()
    {
        var staff = server.ClientFor("sato", "label-issuing-staff");
        var started = await staff.PostAsJsonAsync("/api/instances", Case(await ApplicantAsync()), Ct);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var mailId = (await staff.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/mails", Ct))[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/mails/{mailId}/retry", null, Ct)).StatusCode);
        var admin = server.ClientFor("admin", roles: "admin");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/mails/{mailId}/retry", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/mails/{Guid.NewGuid()}/retry", null, Ct)).StatusCode);
    }

    /// <summary>The server with the repository's templates and a workflow that writes one letter and one mail.</summary>
    public sealed class LetterServer() : WorkflowServerFactory(new Dictionary<string, string> { ["letter.bpmn"] = LetterProcess })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Documents:TemplatesRoot", RepositoryPaths.InRepo("templates"));
            builder.UseSetting("Mail:TemplateFolder", RepositoryPaths.InRepo("templates", "mail"));
            WriteForm("letter-start", LetterStartForm);
        }
    }
}

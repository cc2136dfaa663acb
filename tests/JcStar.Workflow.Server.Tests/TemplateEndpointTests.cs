using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>The letter templates API: versions, a version's Word file, and the preview with the example data or a case's variables.</summary>
public sealed class TemplateEndpointTests(TemplateEndpointTests.TemplateServer server) : IClassFixture<TemplateEndpointTests.TemplateServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Manager => server.ClientFor("mori", roles: "scheme-manager");

    private HttpClient Admin => server.ClientFor("admin", roles: "admin");

    private HttpClient Staff => server.ClientFor("sato", roles: "label-issuing-staff");

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_templates_folder_is_listed_as_version_1_and_its_Word_file_downloads_as_it_is()
    {
        var versions = await Manager.GetFromJsonAsync<JsonElement>("/api/templates", Ct);
        var grant = versions.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "grant-notice");

        Assert.Equal(1, grant.GetProperty("version").GetInt32());
        Assert.Equal("system:templates", grant.GetProperty("createdBy").GetString());
        var file = await Manager.GetByteArrayAsync(grant.GetProperty("download").GetString(), Ct);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.InRepo("templates", "grant-notice.docx"), Ct), file);
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/templates", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_preview_fills_the_template_with_the_example_data_or_with_a_cases_variables_laid_over_it()
    {
        var started = await server.ClientFor("rei", groups: "reviewers").PostAsJsonAsync("/api/instances",
            new { processId = "LetterCase", businessKey = $"JC-{Guid.NewGuid():N}", variables = new { documentNumber = "情推認第555号" } }, Ct);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync(Ct));
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var example = await Admin.GetAsync("/api/templates/grant-notice/preview", Ct);
        var withCase = await Admin.GetAsync($"/api/templates/grant-notice/preview?version=1&case={instanceId}", Ct);

        Assert.Equal(HttpStatusCode.OK, example.StatusCode);
        Assert.Equal("grant-notice.v1.preview.docx", example.Content.Headers.ContentDisposition?.FileNameStar ?? example.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("情推認第123号", DocumentXml(await example.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("情推認第555号", DocumentXml(await withCase.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/templates/grant-notice/preview?case=no-such-case", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/templates/grant-notice/preview?version=7", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_PDF_preview_is_made_by_LibreOffice_when_it_is_installed_and_refused_saying_why_when_not()
    {
        var response = await Manager.GetAsync("/api/templates/grant-notice/preview?format=pdf", Ct);

        if (server.Services.GetService<IPdfConverter>() is null)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("LibreOffice", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync(Ct))[..4]), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string? note = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "template", fileName } };
        if (note is not null)
            form.Add(new StringContent(note), "note");
        return form;
    }

    [Fact]
    public async Task A_program_uploads_a_new_version_through_the_api_and_the_same_file_again_stores_nothing()
    {
        var changed = LetterTemplateFiles.WordFile("不交付の理由を改めた文面です。");

        var created = await Manager.PostAsync("/api/templates/refusal-notice/versions", Upload(changed, "refusal-notice.docx", "理由の書き方を改めた"), Ct);
        var again = await Admin.PostAsync("/api/templates/refusal-notice/versions", Upload(changed, "refusal-notice.docx"), Ct);
        var versions = await Manager.GetFromJsonAsync<JsonElement>("/api/templates/refusal-notice/versions", Ct);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var version = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, version.GetProperty("version").GetInt32());
        Assert.Equal("mori", version.GetProperty("createdBy").GetString());
        Assert.Equal("理由の書き方を改めた", version.GetProperty("note").GetString());
        Assert.Equal("/api/templates/refusal-notice/versions/2", created.Headers.Location?.OriginalString);
        Assert.Equal(changed, await Manager.GetByteArrayAsync("/api/templates/refusal-notice/versions/2", Ct));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_upload_the_check_refuses_is_422_with_every_error_and_the_current_version_stays()
    {
        var broken = LetterTemplateFiles.WordFile("交付日：{{ issuedOn | wareki ");

        var refused = await Manager.PostAsync("/api/templates/improvement-instruction/versions", Upload(broken, "改善指示_壊れた版.docx"), Ct);
        var notWord = await Manager.PostAsync("/api/templates/improvement-instruction/versions", Upload("text"u8.ToArray(), "notes.txt"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("改善指示_壊れた版.docx was refused", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("version 1 of improvement-instruction stays current", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var errors = problem.GetProperty("errors").GetProperty("template").EnumerateArray().Select(e => e.GetString()!).ToList();
        // The same diagnostics the page and jcstar render --check give.
        var expected = server.Services.GetRequiredService<LetterTemplates>().Check("改善指示_壊れた版.docx", broken).Errors.Select(e => e.ToString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, errors);
        Assert.Contains("{{ issuedOn | wareki", string.Join("\n", errors), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notWord.StatusCode);
        Assert.Contains("only Word files (.docx) are accepted; 'notes.txt' is not one",
            (await notWord.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("template")[0].GetString(), StringComparison.Ordinal);
        var versions = await Manager.GetFromJsonAsync<JsonElement>("/api/templates/improvement-instruction/versions", Ct);
        Assert.Equal([1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_upload_without_a_file_to_a_template_that_does_not_exist_or_by_staff_is_refused_saying_why()
    {
        var word = LetterTemplateFiles.WordFile("文面");

        var noFile = await Manager.PostAsync("/api/templates/fee-request/versions", new MultipartFormDataContent { { new StringContent("理由"), "note" } }, Ct);
        var json = await Manager.PostAsJsonAsync("/api/templates/fee-request/versions", new { template = "x" }, Ct);
        var unknown = await Manager.PostAsync("/api/templates/brand-new-letter/versions", Upload(word, "brand-new-letter.docx"), Ct);
        var path = await Manager.PostAsync("/api/templates/..%2Fgrant-notice/versions", Upload(word, "grant-notice.docx"), Ct);
        var staff = await Staff.PostAsync("/api/templates/fee-request/versions", Upload(word, "fee-request.docx"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("no file in the form field 'template'", await noFile.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("multipart/form-data", await json.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no letter template 'brand-new-letter'", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Manager.GetAsync("/api/templates/brand-new-letter/versions", Ct)).StatusCode);
        Assert.DoesNotContain((await Manager.GetFromJsonAsync<JsonElement>("/api/templates", Ct)).EnumerateArray(), v => v.GetProperty("name").GetString() == "brand-new-letter");
    }

    [Fact]
    public async Task A_signed_in_browser_uploads_only_with_its_antiforgery_token()
    {
        const string password = "Good-Password-2026";
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccessAdministration>().CreateUserAsync(new NewUser("kanri", "scheme-manager", Password: password), Ct);
        var browser = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "kanri", ["password"] = password, ["returnUrl"] = "/",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var withoutToken = await browser.PostAsync("/api/templates/expiry-reminder/versions", Upload(LetterTemplateFiles.WordFile("文面"), "expiry-reminder.docx"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("antiforgery token", await withoutToken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal([1], (await Manager.GetFromJsonAsync<JsonElement>("/api/templates/expiry-reminder/versions", Ct)).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    /// <summary>A test server with the repository's letter templates and a case that waits with the variables it was started with.</summary>
    public sealed class TemplateServer : WorkflowServerFactory
    {
        public TemplateServer()
            : base(new Dictionary<string, string> { ["letter-case.bpmn"] = LetterCase }) =>
            WriteForm("letter-start", """{ "type": "default", "id": "letter-start", "components": [ { "type": "textfield", "key": "documentNumber", "label": "文書番号" } ] }""");

        private const string LetterCase = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="L" targetNamespace="urn:test">
              <process id="LetterCase" isExecutable="true" jc:candidateStarterGroups="reviewers">
                <startEvent id="Start" jc:formKey="letter-start" />
                <userTask id="Review" name="審査" jc:candidateGroups="reviewers" />
                <endEvent id="End" />
                <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
                <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
              </process>
            </definitions>
            """;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Documents:TemplatesRoot", RepositoryPaths.InRepo("templates"));
        }
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
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

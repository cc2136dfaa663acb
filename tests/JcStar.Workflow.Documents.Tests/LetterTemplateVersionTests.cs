using System.Text.Json;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Testing;
using Xunit;
using static JcStar.Workflow.Documents.Tests.TestDocx;

namespace JcStar.Workflow.Documents.Tests;

/// <summary>Versions of letter templates on the in-memory store: uploads checked as <c>jcstar render --check</c> checks, refused on error.</summary>
public sealed class LetterTemplateVersionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("jcstar-templates-").FullName;
    private readonly InMemoryLetterTemplateStore _store = new();
    private readonly RecordedAudit _audit = new();
    private readonly DocumentsOptions _options;
    private readonly LetterTemplates _templates;

    public LetterTemplateVersionTests()
    {
        foreach (var file in new[] { "grant-notice.docx", "grant-notice.example.json" })
            File.Copy(RepositoryPaths.InRepo("templates", file), Path.Combine(_folder, file));
        _options = new DocumentsOptions { TemplatesRoot = _folder, MaxTemplateBytes = 2 * 1024 * 1024 };
        _templates = new LetterTemplates(_store, new WordTemplateEngine(_options), _options, TimeProvider.System, _audit);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Letter(string text) => Create(P(R("{{ documentNumber }}")), footer: P(R(text)));

    [Fact]
    public async Task The_files_of_the_templates_folder_are_version_1_and_deploying_them_again_makes_no_new_version()
    {
        var first = await _templates.DeployFolderAsync(Ct);
        var again = await _templates.DeployFolderAsync(Ct);

        var version = Assert.Single(first);
        Assert.Equal(("grant-notice", 1, LetterTemplates.FolderDeployer), (version.Name, version.Version, version.CreatedBy));
        Assert.Equal(WordTemplateEngine.ContentHash(File.ReadAllBytes(Path.Combine(_folder, "grant-notice.docx"))), version.Sha256);
        Assert.Empty(again);
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Fact]
    public async Task An_upload_becomes_the_next_version_with_who_and_note_and_is_audited_and_the_old_file_does_not_come_back_on_restart()
    {
        await _templates.DeployFolderAsync(Ct);

        var upload = await _templates.UploadAsync("grant-notice", "交付通知書 2026年版.docx", Letter("第2版"), "manager-1", "  改正に合わせた  ", Ct);
        var restart = await _templates.DeployFolderAsync(Ct);

        Assert.False(upload.Refused);
        Assert.True(upload.IsNew);
        Assert.Equal((2, "manager-1", "改正に合わせた"), (upload.Version!.Version, upload.Version.CreatedBy, upload.Version.Note));
        Assert.Empty(restart);
        Assert.Equal(2, (await _templates.CurrentAsync("grant-notice", Ct)).Version.Version);
        var audited = _audit.Entries.Single(e => e.Action == AuditActions.LetterTemplateVersionAdded && e.Actor == "manager-1");
        Assert.Contains("\"version\":2", audited.DataJson);
    }

    [Fact]
    public async Task Uploading_the_same_file_as_the_latest_version_makes_no_new_version()
    {
        var first = await _templates.UploadAsync("grant-notice", "a.docx", Letter("同じ"), "manager-1", null, Ct);
        var same = await _templates.UploadAsync("grant-notice", "b.docx", Letter("同じ"), "manager-2", null, Ct);

        Assert.True(first.IsNew);
        Assert.False(same.IsNew);
        Assert.Equal(first.Version, same.Version);
    }

    [Fact]
    public async Task A_broken_placeholder_is_refused_with_its_part_and_paragraph_and_the_current_version_stays()
    {
        await _templates.DeployFolderAsync(Ct);
        var broken = Create(P(R("交付日："), R("{{ case.issued_on | wareki ")) + P(R("{% if revoked %}取消")));

        var upload = await _templates.UploadAsync("grant-notice", "broken.docx", broken, "manager-1", "壊れた版", Ct);

        Assert.True(upload.Refused);
        Assert.NotEmpty(upload.Check.Errors);
        Assert.All(upload.Check.Errors, e => Assert.Equal("word/document.xml", e.Part));
        Assert.Contains(upload.Check.Errors, e => e.Paragraph.Contains("交付日", StringComparison.Ordinal));
        Assert.Equal(1, (await _templates.CurrentAsync("grant-notice", Ct)).Version.Version);
        Assert.Contains(_audit.Entries, e => e.Action == AuditActions.LetterTemplateRefused && e.DataJson!.Contains("broken.docx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_upload_gives_the_same_diagnostics_as_render_check()
    {
        var broken = Create(P(R("{% if revoked %}取消")));

        var upload = await _templates.UploadAsync("grant-notice", "broken.docx", broken, "manager-1", null, Ct);

        Assert.Equal(new WordTemplateEngine(_options).Check(broken).Errors, upload.Check.Errors);
    }

    [Theory]
    [InlineData("notice.pdf", "%PDF-1.7 not a Word file", "only Word files (.docx) are accepted")]
    [InlineData("notice.docx", "PK but not really a zip", "not a Word file")]
    [InlineData("empty.docx", "", "is empty")]
    public async Task A_file_that_is_not_a_Word_file_is_refused_saying_so(string fileName, string content, string expected)
    {
        var upload = await _templates.UploadAsync("grant-notice", fileName, System.Text.Encoding.UTF8.GetBytes(content), "manager-1", null, Ct);

        Assert.True(upload.Refused);
        var error = Assert.Single(upload.Check.Errors);
        Assert.Equal(fileName, error.Part);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_naming_the_limit()
    {
        var upload = await _templates.UploadAsync("grant-notice", "big.docx", new byte[3 * 1024 * 1024], "manager-1", null, Ct);

        Assert.True(upload.Refused);
        Assert.Contains("Documents:MaxTemplateBytes", Assert.Single(upload.Check.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_inflated()
    {
        var options = _options with { MaxUncompressedBytes = 64 * 1024 };
        var templates = new LetterTemplates(_store, new WordTemplateEngine(options), options, TimeProvider.System);
        var bomb = Create(P(R(new string('x', 200_000))));

        var upload = await templates.UploadAsync("grant-notice", "bomb.docx", bomb, "manager-1", null, Ct);

        Assert.True(upload.Refused);
        Assert.Contains("zip bomb", Assert.Single(upload.Check.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task A_template_name_that_is_a_path_is_refused(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _templates.UploadAsync(name, "x.docx", Letter("x"), "manager-1", null, Ct));

    [Fact]
    public async Task A_letter_renders_from_the_latest_version_and_records_its_name_version_and_hash()
    {
        var documents = new InMemoryDocumentStore(TimeProvider.System);
        var activity = new RenderDocumentActivity(new WordTemplateEngine(_options), documents, _options, templates: _templates);
        var upload = Letter("第2版の脚注");
        await _templates.UploadAsync("grant-notice", "v2.docx", upload, "manager-1", "第2版", Ct);

        var result = await activity.ExecuteAsync(new RenderDocumentRequest("inst-1", "JC-A-2026-000001", "grant-notice", "交付通知書", false,
            new Dictionary<string, object?> { ["documentNumber"] = "情推認第7号" }), Ct);

        Assert.Equal(("grant-notice", 2, WordTemplateEngine.ContentHash(upload)), (result.Word.TemplateName, result.Word.TemplateVersion, result.Word.TemplateContentHash));
        var (_, content) = (await documents.OpenAsync(result.Word.Id, Ct))!.Value;
        Assert.Contains("情推認第7号", WordText.Body(content));
    }

    [Fact]
    public async Task A_preview_fills_a_version_with_the_example_data_and_a_cases_variables_over_it()
    {
        await _templates.UploadAsync("grant-notice", "v2.docx", Letter("脚注"), "manager-1", null, Ct);
        var caseVariables = new Dictionary<string, JsonElement> { ["documentNumber"] = JsonSerializer.SerializeToElement("情推認第99号") };

        var example = await _templates.PreviewAsync("grant-notice", 2, null, new DateOnly(2026, 12, 7), Ct);
        var withCase = await _templates.PreviewAsync("grant-notice", 2, caseVariables, new DateOnly(2026, 12, 7), Ct);
        var first = await _templates.PreviewAsync("grant-notice", 1, null, new DateOnly(2026, 12, 7), Ct);

        Assert.Contains("情推認第123号", WordText.Body(example!.Value.Document));
        Assert.Contains("情推認第99号", WordText.Body(withCase!.Value.Document));
        Assert.Equal(1, first!.Value.Version.Version);
        Assert.Null(await _templates.PreviewAsync("grant-notice", 9, null, new DateOnly(2026, 12, 7), Ct));
    }
}

using System.Text.Json;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Documents.Tests;

public sealed class RenderDocumentActivityTests
{
    private static readonly DocumentsOptions Options = new() { TemplatesRoot = RepositoryPaths.InRepo("templates") };

    private static Dictionary<string, object?> Example(string name) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(RepositoryPaths.InRepo("templates", name + ".example.json")))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);

    [Fact]
    public async Task The_activity_renders_the_named_template_and_stores_it_for_the_case_under_a_Japanese_name()
    {
        var store = new InMemoryDocumentStore(TimeProvider.System);
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Options), store, Options);
        var result = await activity.ExecuteAsync(new RenderDocumentRequest("inst-1", "JC-A-2026-000123", "grant-notice", "適合ラベル交付通知書_JC-2026-000123", false, Example("grant-notice")),
            TestContext.Current.CancellationToken);

        var listed = Assert.Single(await store.ListByInstanceAsync("inst-1", TestContext.Current.CancellationToken));
        Assert.Equal("適合ラベル交付通知書_JC-2026-000123.docx", listed.Name);
        Assert.Equal("grant-notice", listed.TemplateName);
        Assert.Equal(WordTemplateEngine.ContentHash(File.ReadAllBytes(RepositoryPaths.InRepo("templates", "grant-notice.docx"))), listed.TemplateContentHash);
        Assert.Equal(result.Word.Id, result.ToOutputs()["documentId"]);
        var (_, content) = (await store.OpenAsync(result.Word.Id, TestContext.Current.CancellationToken))!.Value;
        Assert.Contains("JC-2026-000123", WordText.Body(content));
    }

    [Fact]
    public async Task Without_LibreOffice_the_Word_letter_is_still_stored_and_the_PDF_error_is_reported()
    {
        var store = new InMemoryDocumentStore(TimeProvider.System);
        await using var converter = new LibreOfficePdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice" });
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Options), store, Options, converter);
        var result = await activity.ExecuteAsync(new RenderDocumentRequest("inst-2", null, "expiry-reminder", "有効期限のお知らせ", true, Example("expiry-reminder")),
            TestContext.Current.CancellationToken);
        Assert.Null(result.Pdf);
        Assert.Contains("not installed", result.PdfError);
        Assert.Single(await store.ListByInstanceAsync("inst-2", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public async Task A_template_name_that_is_a_path_is_refused(string name)
    {
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Options), new InMemoryDocumentStore(TimeProvider.System), Options);
        await Assert.ThrowsAsync<ArgumentException>(() => activity.ExecuteAsync(new RenderDocumentRequest("i", null, name, "x", false, new Dictionary<string, object?>()), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_file_system_store_keeps_documents_by_id_and_lists_them_by_instance()
    {
        var root = Directory.CreateTempSubdirectory("jcstar-store-").FullName;
        var store = new FileSystemDocumentStore(new DocumentsOptions { StoreRoot = root }, TimeProvider.System);
        var saved = await store.SaveAsync(new NewCaseDocument("申請/42", "JC-A-1", "申請受理票.docx", "acceptance-form", "abc", DocumentContentTypes.Docx), "内容"u8.ToArray(), TestContext.Current.CancellationToken);
        await store.SaveAsync(new NewCaseDocument("other", null, "x.pdf", "", "", DocumentContentTypes.Pdf), new byte[] { 1 }, TestContext.Current.CancellationToken);

        var reopened = new FileSystemDocumentStore(new DocumentsOptions { StoreRoot = root }, TimeProvider.System);
        var listed = Assert.Single(await reopened.ListByInstanceAsync("申請/42", TestContext.Current.CancellationToken));
        Assert.Equal(saved, listed);
        var (document, content) = (await reopened.OpenAsync(saved.Id, TestContext.Current.CancellationToken))!.Value;
        Assert.Equal("申請受理票.docx", document.Name);
        Assert.Equal("内容"u8.ToArray(), content);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), document.Sha256);
        Assert.Null(await reopened.OpenAsync("../../etc/passwd", TestContext.Current.CancellationToken));
    }
}

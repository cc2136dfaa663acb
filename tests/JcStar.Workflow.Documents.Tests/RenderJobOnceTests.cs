using System.Text.Json;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Documents.Tests;

/// <summary>
/// The runtime runs an activity job at least once: a node that dies after storing the letter but before the
/// step commits runs the job again. One render job must still leave one letter (and one PDF) in the case.
/// </summary>
public sealed class RenderJobOnceTests
{
    private static readonly DocumentsOptions Templates = new() { TemplatesRoot = RepositoryPaths.InRepo("templates") };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> Example(string name) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(RepositoryPaths.InRepo("templates", name + ".example.json")))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);

    private static RenderDocumentRequest Request(string jobId, bool pdf = false) =>
        new("inst-1", "JC-A-2026-000123", "grant-notice", "適合ラベル交付通知書_JC-2026-000123", pdf, Example("grant-notice"), jobId);

    private static FileSystemDocumentStore FileStore(string root) => new(new DocumentsOptions { StoreRoot = root }, TimeProvider.System);

    public static TheoryData<string> Stores => new("memory", "files");

    private static IDocumentStore Store(string kind) =>
        kind == "memory" ? new InMemoryDocumentStore(TimeProvider.System) : FileStore(Directory.CreateTempSubdirectory("jcstar-store-").FullName);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_render_job_that_runs_again_leaves_one_letter_and_returns_it(string kind)
    {
        var store = Store(kind);
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Templates), store, Templates);

        var first = await activity.ExecuteAsync(Request("inst-1/job-1"), Ct);
        var again = await activity.ExecuteAsync(Request("inst-1/job-1"), Ct);

        Assert.Equal(first.Word, again.Word);
        Assert.Equal([first.Word.Id], (await store.ListByInstanceAsync("inst-1", Ct)).Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Another_render_job_makes_a_new_letter(string kind)
    {
        var store = Store(kind);
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Templates), store, Templates);

        var first = await activity.ExecuteAsync(Request("inst-1/job-1"), Ct);
        var second = await activity.ExecuteAsync(Request("inst-1/job-2"), Ct);

        Assert.NotEqual(first.Word.Id, second.Word.Id);
        Assert.Equal(2, (await store.ListByInstanceAsync("inst-1", Ct)).Count);
    }

    [Fact]
    public async Task A_render_job_with_a_PDF_that_runs_again_leaves_one_letter_and_one_PDF()
    {
        var present = LibreOfficePdfConverter.IsAvailable(new PdfOptions());
        RequiredComponent.SkipOrFailWhenAbsent(present, "LibreOffice", "apt-get install libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk fonts-ipafont-mincho");
        var store = FileStore(Directory.CreateTempSubdirectory("jcstar-store-").FullName);
        await using var converter = new LibreOfficePdfConverter(new PdfOptions());
        var activity = new RenderDocumentActivity(new WordTemplateEngine(Templates), store, Templates, converter);

        var first = await activity.ExecuteAsync(Request("inst-1/job-1", pdf: true), Ct);
        var again = await activity.ExecuteAsync(Request("inst-1/job-1", pdf: true), Ct);

        Assert.Null(first.PdfError);
        Assert.NotNull(first.Pdf);
        Assert.Equal(first.Word, again.Word);
        Assert.Equal(first.Pdf, again.Pdf);
        var listed = await store.ListByInstanceAsync("inst-1", Ct);
        Assert.Equal(1, listed.Count(d => d.ContentType == DocumentContentTypes.Docx));
        Assert.Equal(1, listed.Count(d => d.ContentType == DocumentContentTypes.Pdf));
    }

    [Fact]
    public async Task A_job_whose_PDF_failed_before_gets_its_PDF_from_the_letter_already_stored()
    {
        var store = new InMemoryDocumentStore(TimeProvider.System);
        await using var missing = new LibreOfficePdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice" });
        var first = await new RenderDocumentActivity(new WordTemplateEngine(Templates), store, Templates, missing).ExecuteAsync(Request("inst-1/job-1", pdf: true), Ct);
        Assert.NotNull(first.PdfError);

        var echo = new EchoConverter();
        var again = await new RenderDocumentActivity(new WordTemplateEngine(Templates), store, Templates, echo).ExecuteAsync(Request("inst-1/job-1", pdf: true), Ct);

        Assert.Equal(first.Word, again.Word);
        Assert.Equal((await store.OpenAsync(first.Word.Id, Ct))!.Value.Content, echo.Converted);
        Assert.Equal(2, (await store.ListByInstanceAsync("inst-1", Ct)).Count);
    }

    [Fact]
    public async Task The_file_system_store_keeps_one_document_per_source_key_across_store_instances()
    {
        var root = Directory.CreateTempSubdirectory("jcstar-store-").FullName;
        var letter = new NewCaseDocument("申請/42", "JC-A-1", "通知書.docx", "grant-notice", "abc", DocumentContentTypes.Docx, "申請/42/job-7/docx");

        var saved = await FileStore(root).SaveAsync(letter, new byte[] { 1, 2 }, Ct);
        var again = await FileStore(root).SaveAsync(letter, new byte[] { 3 }, Ct);

        Assert.Equal(saved, again);
        Assert.Equal(saved, await FileStore(root).FindBySourceKeyAsync("申請/42/job-7/docx", Ct));
        Assert.Null(await FileStore(root).FindBySourceKeyAsync("申請/42/job-8/docx", Ct));
        Assert.Equal([saved], await FileStore(root).ListByInstanceAsync("申請/42", Ct));
        Assert.Equal(new byte[] { 1, 2 }, (await FileStore(root).OpenAsync(saved.Id, Ct))!.Value.Content);
    }

    [Fact]
    public async Task Racing_saves_of_one_key_on_the_file_system_store_one_document_and_all_get_it()
    {
        var root = Directory.CreateTempSubdirectory("jcstar-store-").FullName;
        var letter = new NewCaseDocument("inst-r", null, "通知書.docx", "grant-notice", "abc", DocumentContentTypes.Docx, "inst-r/job-1/docx");

        // Separate store instances, as on two nodes sharing the folder: no in-process lock helps them.
        var saved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => FileStore(root).SaveAsync(letter, new[] { (byte)i }, Ct), Ct)));

        Assert.Single(saved.Select(d => d.Id).Distinct());
        Assert.Equal([saved[0]], await FileStore(root).ListByInstanceAsync("inst-r", Ct));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "documents"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task The_file_system_store_stores_documents_without_a_key_every_time()
    {
        var store = FileStore(Directory.CreateTempSubdirectory("jcstar-store-").FullName);
        var upload = new NewCaseDocument("inst-u", null, "添付.pdf", "", "", DocumentContentTypes.Pdf);

        var one = await store.SaveAsync(upload, new byte[] { 1 }, Ct);
        var two = await store.SaveAsync(upload, new byte[] { 1 }, Ct);

        Assert.NotEqual(one.Id, two.Id);
        Assert.Equal(2, (await store.ListByInstanceAsync("inst-u", Ct)).Count);
    }

    private sealed class EchoConverter : IPdfConverter
    {
        public byte[]? Converted { get; private set; }

        public Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
        {
            Converted = docx;
            return Task.FromResult(new byte[] { 0x25, 0x50, 0x44, 0x46 });
        }
    }
}

using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Tests.SchemeStores;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Testing;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Runtime.Tests.DocumentStore;

/// <summary>Letter template versions in the workflow database, and the version each stored letter records.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class LetterTemplateVersionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DocumentsOptions Options = new() { TemplatesRoot = RepositoryPaths.InRepo("templates") };

    private static byte[] Template(string name) => File.ReadAllBytes(RepositoryPaths.InRepo("templates", name + ".docx"));

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_folder_file_is_version_1_an_upload_version_2_and_another_node_reads_both_with_who_when_and_note(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EfStoreNode(database);
        await using var second = new EfStoreNode(database);
        var store = first.Get<ILetterTemplateStore>();
        var other = second.Get<ILetterTemplateStore>();
        var at = new DateTimeOffset(2026, 12, 7, 5, 0, 0, 123, TimeSpan.Zero);

        var deployed = await store.AddAsync(new NewLetterTemplateVersion("grant-notice", Template("grant-notice"), at, LetterTemplates.FolderDeployer, "from the folder", FromFolder: true), Ct);
        var redeployed = await other.AddAsync(new NewLetterTemplateVersion("grant-notice", Template("grant-notice"), at.AddHours(1), LetterTemplates.FolderDeployer, "from the folder", FromFolder: true), Ct);
        var upload = await other.AddAsync(new NewLetterTemplateVersion("grant-notice", Template("refusal-notice"), at.AddHours(2), "manager-1", "改正", FromFolder: false), Ct);
        var folderAfterUpload = await store.AddAsync(new NewLetterTemplateVersion("grant-notice", Template("grant-notice"), at.AddHours(3), LetterTemplates.FolderDeployer, "from the folder", FromFolder: true), Ct);

        Assert.Equal((1, true), (deployed.Version.Version, deployed.IsNew));
        Assert.Equal((deployed.Version, false), (redeployed.Version, redeployed.IsNew));
        Assert.Equal((2, true), (upload.Version.Version, upload.IsNew));
        Assert.False(folderAfterUpload.IsNew);
        var (latest, content) = (await store.OpenAsync("grant-notice", null, Ct))!.Value;
        Assert.Equal(upload.Version, latest);
        Assert.Equal(Template("refusal-notice"), content);
        Assert.Equal((2, "manager-1", "改正", at.AddHours(2)), (latest.Version, latest.CreatedBy, latest.Note, latest.CreatedAt));
        Assert.Equal(Template("grant-notice"), (await other.OpenAsync("grant-notice", 1, Ct))!.Value.Content);
        Assert.Equal([2, 1], (await other.ListAsync(Ct)).Select(v => v.Version));
        Assert.Null(await other.OpenAsync("grant-notice", 3, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_uploads_racing_on_two_nodes_get_the_next_two_numbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EfStoreNode(database);
        await using var second = new EfStoreNode(database);
        var now = DateTimeOffset.UtcNow;

        var racing = await Task.WhenAll(
            Task.Run(() => first.Get<ILetterTemplateStore>().AddAsync(new NewLetterTemplateVersion("grant-notice", Template("grant-notice"), now, "a", null, false), Ct), Ct),
            Task.Run(() => second.Get<ILetterTemplateStore>().AddAsync(new NewLetterTemplateVersion("grant-notice", Template("refusal-notice"), now, "b", null, false), Ct), Ct));

        Assert.Equal([1, 2], racing.Select(r => r.Version.Version).Order());
        Assert.All(racing, r => Assert.True(r.IsNew));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_letter_rendered_after_an_upload_records_the_template_name_version_and_hash_in_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var engine = new WordTemplateEngine(Options);
        var documents = new EfDocumentStore(node.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        var templates = new LetterTemplates(node.Get<ILetterTemplateStore>(), engine, Options, TimeProvider.System);
        var activity = new RenderDocumentActivity(engine, documents, Options, templates: templates);
        var variables = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(
            File.ReadAllText(RepositoryPaths.InRepo("templates", "grant-notice.example.json")))!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

        var before = await activity.ExecuteAsync(new RenderDocumentRequest("inst-v", "JCS-A-2026-00009", "grant-notice", "交付通知書_1", false, variables, "job-1"), Ct);
        var upload = await templates.UploadAsync("grant-notice", "grant-notice.docx", Resaved(Template("grant-notice")), "manager-1", "第2版", Ct);
        var after = await activity.ExecuteAsync(new RenderDocumentRequest("inst-v", "JCS-A-2026-00009", "grant-notice", "交付通知書_2", false, variables, "job-2"), Ct);

        Assert.False(upload.Refused);
        var listed = await documents.ListByInstanceAsync("inst-v", Ct);
        Assert.Equal([("grant-notice", 1), ("grant-notice", 2)], listed.Select(d => (d.TemplateName, d.TemplateVersion ?? 0)));
        Assert.Equal(upload.Version!.Sha256, listed[1].TemplateContentHash);
        Assert.Equal(after.Word, listed[1]);
        Assert.Equal(before.Word.TemplateVersion, (await documents.OpenAsync(before.Word.Id, Ct))!.Value.Document.TemplateVersion);
    }

    /// <summary>The same letter zipped again: other bytes (so a new version), the same content.</summary>
    private static byte[] Resaved(byte[] docx)
    {
        using var input = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var buffer = new MemoryStream();
        using (var output = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var to = output.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.SmallestSize).Open();
                from.CopyTo(to);
            }
        }
        return buffer.ToArray();
    }
}

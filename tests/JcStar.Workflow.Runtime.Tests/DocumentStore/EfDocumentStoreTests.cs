using System.Security.Cryptography;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Tests.SchemeStores;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Runtime.Tests.DocumentStore;

/// <summary>Documents:Store = Database: a case's letters with their bytes in the workflow database, seen from every node.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class EfDocumentStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_letter_is_kept_with_its_case_and_its_bytes_and_hash_come_back_on_another_node(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EfStoreNode(database);
        await using var second = new EfStoreNode(database);
        var store = new EfDocumentStore(first.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        var other = new EfDocumentStore(second.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        var bytes = RandomNumberGenerator.GetBytes(50_000);

        var saved = await store.SaveAsync(new NewCaseDocument("inst-1", "JCS-A-2026-00001", "適合ラベル交付通知書_JCS-A-2026-00001.docx", "grant-notice", "abc123", DocumentContentTypes.Docx), bytes, Ct);
        await store.SaveAsync(new NewCaseDocument("inst-2", null, "other.docx", "refusal-notice", "def456", DocumentContentTypes.Docx), new byte[] { 1, 2, 3 }, Ct);

        var (document, content) = (await other.OpenAsync(saved.Id, Ct))!.Value;
        Assert.Equal("適合ラベル交付通知書_JCS-A-2026-00001.docx", document.Name);
        Assert.Equal(bytes, content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
        Assert.Equal(50_000, document.Size);
        Assert.Equal(["適合ラベル交付通知書_JCS-A-2026-00001.docx"], (await other.ListByInstanceAsync("inst-1", Ct)).Select(d => d.Name));
        Assert.Null(await other.OpenAsync("no-such-document", Ct));
    }
}

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

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Removing_a_letters_content_keeps_its_record_and_the_first_removal_date_on_every_node(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EfStoreNode(database);
        await using var second = new EfStoreNode(database);
        var store = new EfDocumentStore(first.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        var other = new EfDocumentStore(second.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        var saved = await store.SaveAsync(new NewCaseDocument("inst-r", "JCS-A-2026-00003", "取消通知書.pdf", "revocation-notice", "abc", DocumentContentTypes.Pdf), new byte[] { 1, 2, 3 }, Ct);
        var on = new DateTimeOffset(2036, 6, 1, 4, 30, 0, TimeSpan.Zero);

        var removed = await store.RemoveContentAsync(saved.Id, on, "retention: test", Ct);
        var again = await other.RemoveContentAsync(saved.Id, on.AddDays(1), "retention: again", Ct);

        var (document, content) = (await other.OpenAsync(saved.Id, Ct))!.Value;
        Assert.Empty(content);
        Assert.Equal(saved.Sha256, document.Sha256);
        Assert.Equal(3, document.Size);
        Assert.Equal(on, document.ContentRemovedAt);
        Assert.Equal("retention: test", document.ContentRemovedReason);
        Assert.Equal(removed, again);
        Assert.True(Assert.Single(await other.ListByInstanceAsync("inst-r", Ct)).ContentRemoved);
        Assert.Null(await store.RemoveContentAsync("no-such-document", on, "retention: test", Ct));
    }

    private static NewCaseDocument Letter(string? sourceKey) =>
        new("inst-k", "JCS-A-2026-00002", "不適合通知書.docx", "refusal-notice", "abc123", DocumentContentTypes.Docx, sourceKey);

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_render_job_that_runs_again_gets_the_letter_it_stored_and_no_second_copy(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var store = new EfDocumentStore(node.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);

        var first = await store.SaveAsync(Letter("inst-k/job-1/docx"), new byte[] { 1, 2, 3 }, Ct);
        var again = await store.SaveAsync(Letter("inst-k/job-1/docx"), new byte[] { 4, 5, 6, 7 }, Ct);

        Assert.Equal(first, again);
        Assert.Equal(first, await store.FindBySourceKeyAsync("inst-k/job-1/docx", Ct));
        Assert.Equal([first.Id], (await store.ListByInstanceAsync("inst-k", Ct)).Select(d => d.Id));
        Assert.Equal(new byte[] { 1, 2, 3 }, (await store.OpenAsync(first.Id, Ct))!.Value.Content);
        Assert.Null(await store.FindBySourceKeyAsync("inst-k/job-2/docx", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_nodes_saving_one_key_at_once_store_one_row_and_both_get_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EfStoreNode(database);
        await using var second = new EfStoreNode(database);
        // Both saves pass the look-up before either inserts: the clock is read between the two, and holds each
        // caller until the other has arrived. Only the unique index can then keep one row.
        var clock = new RendezvousClock(2);
        var stores = new[] { first, second }.Select(n => new EfDocumentStore(n.Get<IDbContextFactory<WorkflowDbContext>>(), clock)).ToList();

        var saved = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.SaveAsync(Letter("inst-k/job-9/docx"), new[] { (byte)i }, Ct), Ct)));

        Assert.Equal(saved[0], saved[1]);
        Assert.Single(await stores[0].ListByInstanceAsync("inst-k", Ct));
        await using var db = await first.Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Documents.CountAsync(d => d.SourceKey == "inst-k/job-9/docx", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Documents_without_a_key_are_stored_every_time(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var store = new EfDocumentStore(node.Get<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);

        var one = await store.SaveAsync(Letter(null), new byte[] { 1 }, Ct);
        var two = await store.SaveAsync(Letter(null), new byte[] { 1 }, Ct);

        Assert.NotEqual(one.Id, two.Id);
        Assert.Equal(2, (await store.ListByInstanceAsync("inst-k", Ct)).Count);
    }

    /// <summary>The first <c>parties</c> reads of the time each wait until all of them have arrived.</summary>
    private sealed class RendezvousClock(int parties) : TimeProvider
    {
        private readonly Barrier _barrier = new(parties);
        private int _reads;

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _reads) <= parties && !_barrier.SignalAndWait(TimeSpan.FromSeconds(30)))
                throw new TimeoutException("the other save never reached the insert");
            return System.GetUtcNow();
        }
    }
}

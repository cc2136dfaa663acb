using System.Collections.Immutable;
using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Retention;

/// <summary>
/// <c>jcstar retention run</c> with Retention:LettersKeptFor set, on a real SQLite file and each document store an
/// operator may choose (a documents folder, or the database): a case closed in 2010 loses its letters' content and
/// keeps their records; its upload and an open case's letter stay.
/// </summary>
[Collection(CliEnvironment.Collection)]
public sealed class LetterRetentionCommandTests : IAsyncLifetime
{
    private const string Word = "適合ラベル交付通知書_JC-1.docx";
    private const string Pdf = "適合ラベル交付通知書_JC-1.pdf";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-letters-{Guid.NewGuid():N}");
    private string ConnectionString => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("JCSTAR_DATA__ROOT", _folder);
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__LETTERSKEPTFOR", "3653.00:00:00");
        await using var db = NewContext();
        await db.Database.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable("JCSTAR_DATA__ROOT", null);
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__LETTERSKEPTFOR", null);
        Environment.SetEnvironmentVariable("JCSTAR_DOCUMENTS__STORE", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("Files")]
    [InlineData("Database")]
    public async Task Letters_of_a_case_closed_longer_than_the_period_lose_their_content_keep_their_record_and_each_removal_is_audited(string storeKind)
    {
        Environment.SetEnvironmentVariable("JCSTAR_DOCUMENTS__STORE", storeKind);
        var store = Store(storeKind);
        var word = await store.SaveAsync(new NewCaseDocument("closed-1", "JC-1", Word, "grant-notice", "t", DocumentContentTypes.Docx), Encoding.UTF8.GetBytes("PK word"), Ct);
        var pdf = await store.SaveAsync(new NewCaseDocument("closed-1", "JC-1", Pdf, "grant-notice", "t", DocumentContentTypes.Pdf), Encoding.UTF8.GetBytes("%PDF grant"), Ct);
        var upload = await store.SaveAsync(new NewCaseDocument("closed-1", "JC-1", "試験報告書.pdf", "", "", DocumentContentTypes.Pdf), Encoding.UTF8.GetBytes("%PDF evidence"), Ct);
        var openLetter = await store.SaveAsync(new NewCaseDocument("open-2", "JC-2", "受付票_JC-2.docx", "acceptance-form", "t", DocumentContentTypes.Docx), Encoding.UTF8.GetBytes("PK open"), Ct);
        await using (var db = NewContext())
        {
            db.Instances.Add(Case("closed-1", "JC-1", InstanceStatus.Completed, new DateTimeOffset(2010, 3, 31, 0, 0, 0, TimeSpan.Zero), word.Id));
            db.Instances.Add(Case("open-2", "JC-2", InstanceStatus.Waiting, null, openLetter.Id));
            await db.SaveChangesAsync(Ct);
        }

        var dry = await JcstarAsync("retention", "run", "--dry-run");
        Assert.True(dry.Exit == 0, dry.Error);
        Assert.Contains($"would remove letter {Word} (情推認第12号, sha256 {word.Sha256}) of JC-1 (closed-1), closed 2010-03-31", dry.Output);
        Assert.Contains($"would remove letter {Pdf} (情推認第12号, sha256 {pdf.Sha256})", dry.Output);
        Assert.DoesNotContain("試験報告書", dry.Output);
        Assert.DoesNotContain("JC-2", dry.Output);
        Assert.Equal("PK word", Encoding.UTF8.GetString((await store.OpenAsync(word.Id, Ct))!.Value.Content));

        var run = await JcstarAsync("retention", "run");
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains($"removed letter {Word} (情推認第12号", run.Output);
        var removed = (await store.OpenAsync(word.Id, Ct))!.Value;
        Assert.Empty(removed.Content);
        Assert.Equal(word.Sha256, removed.Document.Sha256);
        Assert.Equal(Word, removed.Document.Name);
        Assert.NotNull(removed.Document.ContentRemovedAt);
        Assert.Contains("Retention:LettersKeptFor", removed.Document.ContentRemovedReason);
        Assert.Equal(3, (await store.ListByInstanceAsync("closed-1", Ct)).Count);
        Assert.Equal("%PDF evidence", Encoding.UTF8.GetString((await store.OpenAsync(upload.Id, Ct))!.Value.Content));
        Assert.Equal("PK open", Encoding.UTF8.GetString((await store.OpenAsync(openLetter.Id, Ct))!.Value.Content));
        await using (var db = NewContext())
        {
            var audited = await db.AuditLog.Where(a => a.InstanceId == "closed-1" && a.Action == "retention.letter-removed").ToListAsync(Ct);
            Assert.Equal(2, audited.Count);
            Assert.Contains(audited, a => a.DataJson!.Contains(word.Sha256, StringComparison.Ordinal) && JsonDocument.Parse(a.DataJson!).RootElement.GetProperty("documentNumber").GetString() == "情推認第12号");
            Assert.All(audited, a => Assert.Equal("jcstar-cli", a.Actor));
        }
        Assert.Contains("0 case(s) anonymized", (await JcstarAsync("retention", "run")).Output);

        var zip = Path.Combine(_folder, "closed-1.zip");
        Assert.Equal(0, (await JcstarAsync("cases", "export", "closed-1", "--out", zip)).Exit);
        using var archive = ZipFile.OpenRead(zip);
        Assert.NotNull(archive.GetEntry($"letters/{Word}.removed.txt"));
        Assert.Null(archive.GetEntry($"letters/{Word}"));
        Assert.NotNull(archive.GetEntry("letters/試験報告書.pdf"));
    }

    private IDocumentStore Store(string kind) => kind == "Database"
        ? new EfDocumentStore(new ContextFactory(() => NewContext()), TimeProvider.System)
        : new Documents.Storage.FileSystemDocumentStore(new Documents.DocumentsOptions { StoreRoot = Path.Combine(_folder, "documents") }, TimeProvider.System);

    private sealed class ContextFactory(Func<WorkflowDbContext> create) : IDbContextFactory<WorkflowDbContext>
    {
        public WorkflowDbContext CreateDbContext() => create();
    }

    private async Task<(int Exit, string Output, string Error)> JcstarAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", "Sqlite", "--connection", ConnectionString],
            new StringReader(""), new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    private WorkflowDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, ConnectionString);
        return new WorkflowDbContext(options.Options);
    }

    private static InstanceRow Case(string id, string businessKey, InstanceStatus status, DateTimeOffset? endedAt, string letterId)
    {
        var variables = JsonSerializer.SerializeToElement(new
        {
            decision = "granted",
            letters = new[] { new { documentNumber = "情推認第12号", template = "grant-notice", documentId = letterId, documentName = businessKey == "JC-1" ? Word : "受付票_JC-2.docx" } },
        }).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
        var state = new InstanceState
        {
            InstanceId = id,
            ProcessId = "Approval",
            BusinessKey = businessKey,
            Status = status,
            LastId = 1,
            Elements = [new ElementInstance { Id = 1, Parent = 0, ElementId = "Approval", ProcessId = "Approval", Wait = ElementWait.Scope, Variables = variables }],
        };
        var started = new DateTimeOffset(2010, 3, 1, 0, 0, 0, TimeSpan.Zero);
        return new InstanceRow
        {
            Id = id,
            DefinitionId = "Approval:1",
            ProcessId = "Approval",
            DefinitionVersion = 1,
            BusinessKey = businessKey,
            Status = (int)status,
            StateJson = InstanceStateSerializer.Serialize(state),
            Version = 3,
            StartedAt = started,
            UpdatedAt = endedAt ?? started,
            EndedAt = endedAt,
        };
    }
}

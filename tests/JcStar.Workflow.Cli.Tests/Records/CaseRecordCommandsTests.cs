using System.Collections.Immutable;
using System.CommandLine;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Persistence.Sqlite;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Records;

/// <summary>
/// <c>jcstar cases export</c> and <c>jcstar registers export</c> on a real SQLite file and a real documents folder,
/// as an operator runs them for an accreditation assessor; the tests open the zip and the CSV files.
/// </summary>
[Collection(CliEnvironment.Collection)]
public sealed class CaseRecordCommandsTests : IAsyncLifetime
{
    private const string LetterName = "適合ラベル交付通知書_JC-2026-000001.docx";
    private const string PdfName = "適合ラベル交付通知書_JC-2026-000001.pdf";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-records-{Guid.NewGuid():N}");
    private readonly byte[] _word = Encoding.UTF8.GetBytes("PK word bytes of the grant notice");
    private readonly byte[] _pdf = Encoding.UTF8.GetBytes("%PDF-1.7 the grant notice");
    private ServiceProvider _services = null!;

    private string ConnectionString => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("JCSTAR_DATA__ROOT", _folder);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddWorkflowEfStores(o => SqliteWorkflowDatabase.Configure(o, ConnectionString)).AddSchemeEfStores();
        _services = services.BuildServiceProvider();
        await using (var db = await _services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Database.MigrateAsync(Ct);
            db.Instances.Add(Case("case-1", "JC-2026-000001", "ThirdPartyCertificationApplication", new
            {
                applicationNumber = "JC-2026-000001",
                decisionMadeBy = "suzuki",
                decisionMadeOn = "2026-05-08",
                decisions = new[] { new { task = "DecideCertification", by = "suzuki", on = "2026-05-08", outcome = "granted", system = false } },
            }, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 8, 0, 0, 0, TimeSpan.Zero)));
            db.Instances.Add(Case("appeal-1", "AP-2026-001", "AppealsComplaintsDisputes", new
            {
                appealNumber = "AP-2026-001", kind = "appeal", receivedOn = "2026-06-01", subjectCaseNumber = "JC-2026-000001",
                closedWith = "dismissed", closedOn = "2026-07-15", appealDecidedBy = "watanabe", decisionMadeOn = "2026-07-10",
            }, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero)));
            db.Instances.Add(Case("complaint-1", "CP-2026-001", "AppealsComplaintsDisputes", new
            {
                appealNumber = "CP-2026-001", kind = "complaint", receivedOn = "2026-06-03", subjectCaseNumber = "JC-2026-000009",
            }, new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.Zero), null));
            await db.SaveChangesAsync(Ct);
        }

        var audit = _services.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(Entry("task.completed", "suzuki", "DecideCertification", new { taskId = "case-1:t1" }), Ct);
        await audit.AppendAsync(Entry("activity.completed", "system", "CheckFacility", new { jobId = "job-facility-1", activity = "scheme.check-facility", error = (string?)null }), Ct);
        _services.GetRequiredService<IActivityLedger>().Record("job-facility-1", JsonSerializer.SerializeToElement(new
        {
            facilityEligible = false,
            facilityProblems = new[] { "東京検査ラボ declared a conflict of interest (ConsultedApplicant): 設計支援" },
            facility = new { id = "FAC-001", name = "東京検査ラボ" },
        }).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone()));
        await _services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = "case-1:mail-1",
            InstanceId = "case-1",
            BusinessKey = "JC-2026-000001",
            ElementId = "SendGrantNotice",
            MessageId = "<case-1.mail-1@jcstar.invalid>",
            From = new Mailbox("office@jcstar.invalid", "JC-STAR事務局"),
            To = [new Mailbox("takahashi@minato-denki.example.jp", "高橋 美咲")],
            Subject = "適合ラベル交付のお知らせ",
            TextBody = "適合ラベルを交付します。",
            NextAttemptAt = DateTimeOffset.UnixEpoch,
            CreatedAt = new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero),
        }, Ct);
        _services.GetRequiredService<IConflictRegister>().Declare(new ConflictDeclaration("sato", "ORG-MINATO", "スマートカメラ", ConflictKind.ConsultedApplicant, "設計の助言をした, 2025年", new DateOnly(2026, 3, 2)));

        var store = new Documents.Storage.FileSystemDocumentStore(new Documents.DocumentsOptions { StoreRoot = Path.Combine(_folder, "documents") }, TimeProvider.System);
        await store.SaveAsync(new NewCaseDocument("case-1", "JC-2026-000001", LetterName, "grant-notice", "abc", DocumentContentTypes.Docx), _word, Ct);
        await store.SaveAsync(new NewCaseDocument("case-1", "JC-2026-000001", PdfName, "grant-notice", "abc", "application/pdf"), _pdf, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable("JCSTAR_DATA__ROOT", null);
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_case_export_holds_its_letters_under_their_japanese_names_with_a_manifest_of_every_file()
    {
        var zipPath = Path.Combine(_folder, "out", "JC-2026-000001.zip");

        var (exit, output, error) = await JcstarAsync("cases", "export", "JC-2026-000001", "--out", zipPath);

        Assert.True(exit == 0, error);
        Assert.Contains("2 letter(s), 1 mail(s)", output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(_word, Read(zip, "letters/" + LetterName));
        Assert.Equal(_pdf, Read(zip, "letters/" + PdfName));
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        Assert.Equal("case-1", manifest.RootElement.GetProperty("instanceId").GetString());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        var listed = files.Select(f => f.GetProperty("path").GetString()!).ToHashSet();
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json").ToHashSet(), listed);
        foreach (var f in files)
            Assert.Equal(f.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(Read(zip, f.GetProperty("path").GetString()!))));
    }

    [Fact]
    public async Task A_case_export_holds_its_mail_history_decisions_with_their_makers_and_the_conflict_checks()
    {
        var zipPath = Path.Combine(_folder, "case.zip");

        var (exit, _, error) = await JcstarAsync("cases", "export", "case-1", "--out", zipPath);

        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Contains("適合ラベル交付のお知らせ", Text(zip, "mail/mail-log.json"));
        Assert.Contains("takahashi@minato-denki.example.jp", Text(zip, "mail/mail-log.json"));
        var history = Read(zip, "history.csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), history[..3]);
        Assert.Contains("task.completed,DecideCertification", Text(zip, "history.csv").Replace("suzuki,", "", StringComparison.Ordinal));
        var decisions = Text(zip, "decisions.csv");
        Assert.Contains("decision,DecideCertification,suzuki,2026-05-08,granted", decisions);
        Assert.Contains("decision-maker,decisionMadeBy,suzuki,2026-05-08", decisions);
        var checks = Text(zip, "conflict-checks.csv");
        Assert.Contains("CheckFacility,scheme.check-facility,no,東京検査ラボ declared a conflict of interest (ConsultedApplicant): 設計支援", checks);
        using var checksJson = JsonDocument.Parse(Read(zip, "conflict-checks.json"));
        Assert.Equal("FAC-001", checksJson.RootElement[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Exporting_a_case_that_does_not_exist_is_refused_and_names_it()
    {
        var (exit, _, error) = await JcstarAsync("cases", "export", "JC-0000-999999", "--out", Path.Combine(_folder, "none.zip"));

        Assert.Equal(1, exit);
        Assert.Contains("JC-0000-999999", error);
        Assert.False(File.Exists(Path.Combine(_folder, "none.zip")));
    }

    [Fact]
    public async Task The_registers_list_appeals_complaints_and_conflicts_with_outcomes_and_durations_as_csv_with_bom()
    {
        var dir = Path.Combine(_folder, "registers");

        var (exit, _, error) = await JcstarAsync("registers", "export", "--out", dir);

        Assert.True(exit == 0, error);
        foreach (var file in new[] { "appeals.csv", "complaints.csv", "disputes.csv", "conflicts-of-interest.csv" })
            Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(Path.Combine(dir, file))[..3]);
        var appeals = File.ReadAllLines(Path.Combine(dir, "appeals.csv"), Encoding.UTF8);
        Assert.Equal("番号,種別,受付日,対象案件,状態,結果,決定者,決定日,終結日,所要日数,案件ID", appeals[0]);
        Assert.Equal("AP-2026-001,appeal,2026-06-01,JC-2026-000001,Completed,dismissed,watanabe,2026-07-10,2026-07-15,44,appeal-1", appeals[1]);
        Assert.Equal(2, appeals.Length);
        var complaints = File.ReadAllLines(Path.Combine(dir, "complaints.csv"), Encoding.UTF8);
        Assert.Equal("CP-2026-001,complaint,2026-06-03,JC-2026-000009,Waiting,,,,,,complaint-1", complaints[1]);
        Assert.Single(File.ReadAllLines(Path.Combine(dir, "disputes.csv"), Encoding.UTF8));
        var conflicts = File.ReadAllLines(Path.Combine(dir, "conflicts-of-interest.csv"), Encoding.UTF8);
        Assert.Equal("sato,ORG-MINATO,スマートカメラ,ConsultedApplicant,\"設計の助言をした, 2025年\",2026-03-02", conflicts[1]);
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the archive: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static string Text(ZipArchive zip, string path) => Encoding.UTF8.GetString(Read(zip, path)).TrimStart('\uFEFF');

    private async Task<(int Exit, string Output, string Error)> JcstarAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", "Sqlite", "--connection", ConnectionString],
            new StringReader(""), new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    private static AuditEntry Entry(string action, string actor, string element, object data) => new()
    {
        At = new DateTimeOffset(2026, 5, 8, 0, 0, 0, TimeSpan.Zero),
        Actor = actor,
        Action = action,
        InstanceId = "case-1",
        ElementId = element,
        DataJson = JsonSerializer.Serialize(data),
    };

    private static InstanceRow Case(string id, string businessKey, string processId, object variables, DateTimeOffset started, DateTimeOffset? ended)
    {
        var status = ended is null ? InstanceStatus.Waiting : InstanceStatus.Completed;
        var state = new InstanceState
        {
            InstanceId = id,
            ProcessId = processId,
            BusinessKey = businessKey,
            Status = status,
            LastId = 1,
            Elements = [new ElementInstance { Id = 1, Parent = 0, ElementId = processId, ProcessId = processId, Wait = ElementWait.Scope,
                Variables = JsonSerializer.SerializeToElement(variables).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone()) }],
        };
        return new InstanceRow
        {
            Id = id,
            DefinitionId = processId + ":1",
            ProcessId = processId,
            DefinitionVersion = 1,
            BusinessKey = businessKey,
            Status = (int)status,
            StateJson = InstanceStateSerializer.Serialize(state),
            Version = 1,
            StartedAt = started,
            UpdatedAt = ended ?? started,
            EndedAt = ended,
        };
    }
}

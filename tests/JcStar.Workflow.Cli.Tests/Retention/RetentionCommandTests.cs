using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Retention;

/// <summary>
/// <c>jcstar retention run [--dry-run]</c> on a real SQLite file with the settings in the environment, as an operator
/// runs it: a case closed in 2010 is due, one still open is not.
/// </summary>
[Collection(CliEnvironment.Collection)]
public sealed class RetentionCommandTests : IAsyncLifetime
{
    private const string Email = "takahashi.misaki@minato-denki.example.jp";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jcstar-cli-retention-{Guid.NewGuid():N}");

    private string ConnectionString => SqliteWorkflowDatabase.ConnectionStringFor(Path.Combine(_folder, "workflow.db"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__PERSONALFIELDS__0", "applicant.email");
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__CLOSEDCASESKEPTFOR", "3653.00:00:00");
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        db.Instances.Add(Case("closed-1", "JC-1", InstanceStatus.Completed, new DateTimeOffset(2010, 3, 31, 0, 0, 0, TimeSpan.Zero)));
        db.Instances.Add(Case("open-2", "JC-2", InstanceStatus.Waiting, null));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__PERSONALFIELDS__0", null);
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__CLOSEDCASESKEPTFOR", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_dry_run_prints_the_due_case_and_its_fields_and_changes_nothing()
    {
        var (exit, output, _) = await JcstarAsync("retention", "run", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("would anonymize JC-1 (closed-1), closed 2010-03-31: applicant.email in case variables", output);
        Assert.DoesNotContain("JC-2", output);
        Assert.Contains("dry run: 1 case(s) would be anonymized, 0 kept; nothing was changed", output);
        Assert.Contains(Email, await StateOfAsync("closed-1"));
    }

    [Fact]
    public async Task A_run_anonymizes_the_closed_case_records_it_and_leaves_the_open_one()
    {
        var (exit, output, _) = await JcstarAsync("retention", "run");

        Assert.Equal(0, exit);
        Assert.Contains("anonymized JC-1 (closed-1), closed 2010-03-31: applicant.email in case variables", output);
        Assert.DoesNotContain(Email, await StateOfAsync("closed-1"));
        Assert.Contains("みなと電機", await StateOfAsync("closed-1"));
        Assert.Contains(Email, await StateOfAsync("open-2"));
        await using var db = NewContext();
        var record = await db.AuditLog.SingleAsync(a => a.InstanceId == "closed-1" && a.Action == "retention.anonymized", TestContext.Current.CancellationToken);
        Assert.Equal("jcstar-cli", record.Actor);
        Assert.DoesNotContain("takahashi", record.DataJson);
        Assert.Contains("0 case(s) anonymized", (await JcstarAsync("retention", "run")).Output);
    }

    [Fact]
    public async Task Without_personal_fields_in_the_settings_the_run_is_refused_and_says_which_setting()
    {
        Environment.SetEnvironmentVariable("JCSTAR_RETENTION__PERSONALFIELDS__0", null);

        var (exit, _, error) = await JcstarAsync("retention", "run", "--dry-run");

        Assert.Equal(1, exit);
        Assert.Contains("Retention:PersonalFields is empty", error);
    }

    private async Task<(int Exit, string Output, string Error)> JcstarAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync([.. args, "--provider", "Sqlite", "--connection", ConnectionString],
            new StringReader(""), new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> StateOfAsync(string id)
    {
        await using var db = NewContext();
        var json = (await db.Instances.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken)).StateJson;
        // The engine escapes non-ASCII; compare what it means.
        return JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private WorkflowDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteWorkflowDatabase.Configure(options, ConnectionString);
        return new WorkflowDbContext(options.Options);
    }

    private static InstanceRow Case(string id, string businessKey, InstanceStatus status, DateTimeOffset? endedAt)
    {
        var variables = JsonSerializer.SerializeToElement(new { applicant = new { name = "みなと電機株式会社", email = Email }, decision = "granted" })
            .EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
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

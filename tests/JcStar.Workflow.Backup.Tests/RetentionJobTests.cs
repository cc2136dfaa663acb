using Hangfire;
using JcStar.Workflow.Hangfire.Jobs;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

[Collection(nameof(ServerCollection))]
public sealed class RetentionJobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jcstar-retention-job-").FullName;

    [Fact]
    public async Task The_server_registers_the_recurring_retention_run_with_its_settings_and_the_job_runs_on_its_stores()
    {
        var drill = new RestoreDrill(_root);
        DrillProcesses.WriteTo(drill.Workflows);
        await using var server = new DrillServer(Path.Combine(_root, "data"), drill.Workflows, runHangfire: true, TimeSpan.FromDays(1));
        server.Settings["Retention:Enabled"] = "true";
        server.Settings["Retention:Cron"] = "15 5 * * *";
        server.Settings["Retention:PersonalFields:0"] = "applicant.email";
        server.Settings["Retention:ClosedCasesKeptFor"] = "365.00:00:00";

        using (var connection = server.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.Contains(global::Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "jcstar-retention" && j.Cron == "15 5 * * *");
        Assert.Equal(["applicant.email"], server.Services.GetRequiredService<RetentionOptions>().PersonalFields);
        Assert.Equal(TimeSpan.FromDays(365), server.Services.GetRequiredService<RetentionOptions>().ClosedCasesKeptFor);

        await server.Services.GetRequiredService<RetentionJob>().RunAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire's SQLite storage may still hold its file for a moment; the temp folder is disposable anyway.
        }
    }
}

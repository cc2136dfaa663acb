using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Runtime.Backups;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>
/// The drill both providers run: cases wait at a task, at a timer due later and with a letter and its mail
/// queued; a backup is taken while commands keep coming; the restored server carries every case on.
/// </summary>
public sealed class RestoreDrill(string root)
{
    public string Workflows { get; } = Path.Combine(root, "workflows");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the cases, then backs up (through <paramref name="backup"/>) while tasks are completed and cases started.</summary>
    public async Task RunCasesAndBackUpUnderLoadAsync(DrillServer source, Func<Task> backup)
    {
        var client = source.Admin();
        for (var i = 0; i < 3; i++)
        {
            await Start(source, "DrillTask", $"T-{i}");
            await Start(source, "DrillTimer", $"M-{i}");
            await Start(source, "DrillLetter", $"JCS-A-2026-{i:00000}");
        }
        var load = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Start(source, "DrillTask", $"L-{i}");
                if (i % 2 == 0)
                {
                    var open = await source.QueryAsync(db => db.Tasks.Where(t => t.Status == 0 && t.ProcessId == "DrillTask").Select(t => t.Id).FirstAsync(Ct));
                    (await client.PostAsJsonAsync($"/api/tasks/{open}/complete", new { }, Ct)).EnsureSuccessStatusCode();
                }
            }
        }, Ct);
        await Task.WhenAll(load, backup());
    }

    /// <summary>On the restored server: counts as in the manifest, timers fire, queued mail goes out once, letters download, every case finishes.</summary>
    public async Task ContinueOnRestoredServerAsync(DrillServer restored, BackupManifest manifest, string outboxFolder)
    {
        Assert.Equal(manifest.Counts["instances.waiting"], await restored.QueryAsync(db => db.Instances.LongCountAsync(i => i.Status == 0, Ct)));
        Assert.True(manifest.Counts["timers.pending"] >= 3, "the backup holds the three timers due later");
        Assert.True(manifest.Counts["mail.queued"] >= 3, "the backup holds the three queued mails");
        var client = restored.Admin();

        // Letters download from the restored documents store.
        var letterCases = await restored.QueryAsync(db => db.Instances.Where(i => i.ProcessId == "DrillLetter").Select(i => i.Id).ToListAsync(Ct));
        Assert.Equal(3, letterCases.Count);
        foreach (var id in letterCases)
        {
            var documents = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/documents", Ct);
            var letter = Assert.Single(documents.EnumerateArray());
            var download = await client.GetAsync($"/api/documents/{letter.GetProperty("id").GetString()}", Ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
        }

        // Timers due after the backup fire on the restored server; the task behind them opens.
        await Eventually(async () => await restored.QueryAsync(db => db.Tasks.CountAsync(t => t.ElementId == "afterTimer" && t.Status == 0, Ct)) == 3, "the three timers fired");

        // Queued mail goes out exactly once.
        await Eventually(async () => await restored.QueryAsync(db => db.MailOutbox.CountAsync(m => m.Status != 2, Ct)) == 0, "every queued mail was sent");
        var mails = await restored.QueryAsync(db => db.MailOutbox.CountAsync(Ct));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // two more dispatch ticks: nothing may go out again
        Assert.Equal(mails, Directory.EnumerateFiles(outboxFolder, "*.eml", SearchOption.AllDirectories).Count());

        // Every waiting case continues to its end.
        var open = await restored.QueryAsync(db => db.Tasks.Where(t => t.Status == 0).Select(t => t.Id).ToListAsync(Ct));
        foreach (var id in open)
            (await client.PostAsJsonAsync($"/api/tasks/{id}/complete", new { }, Ct)).EnsureSuccessStatusCode();
        await Eventually(async () => await restored.QueryAsync(db => db.Instances.CountAsync(i => i.Status == 0, Ct)) == 0, "every case completed");
    }

    private static async Task Start(DrillServer server, string process, string businessKey)
    {
        var variables = System.Text.Json.JsonSerializer.SerializeToElement(DrillProcesses.Variables(businessKey)).EnumerateObject()
            .ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
        await server.StartAsync(process, businessKey, variables);
    }

    /// <summary>Waits for the server's background work (Hangfire, mail dispatch) with a generous bound; the bound is not what is tested.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
                return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"not reached within a minute: {what}");
    }
}

using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Records;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar cases export ID --out FILE.zip</c>: one case's records for an accreditation assessor (letters, mail
/// log, history, decisions with who made them, conflict checks, a manifest), the same archive the case page offers.
/// ID is the case's instance id or its business key (application or appeal number).
/// </summary>
internal static class CasesCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var id = new Argument<string>("id") { Description = "the case's instance id or business key (e.g. JC-2026-000123)" };
        var output = new Option<FileInfo>("--out") { Description = "the zip file to write", Required = true };
        var export = database.AddTo(new Command("export", "write one case's records (letters, mail, history, decisions, conflict checks) to a zip with a manifest") { id, output });
        RegisterCommandAction.Set(export, database, async (parse, session, stdout, ct) =>
        {
            var archive = CreateArchive(session.Services);
            var key = parse.GetValue(id)?.Trim() ?? "";
            var instance = await archive.FindAsync(key, ct) ?? throw new Runtime.WorkflowNotFoundException($"no case has the id or business key '{key}'");
            var file = parse.GetValue(output)!;
            if (file.Directory is { Exists: false } folder)
                folder.Create();
            var partial = file.FullName + ".partial";
            CaseArchiveManifest manifest;
            await using (var stream = File.Create(partial))
                manifest = await archive.WriteAsync(instance, stream, "jcstar-cli", ct);
            File.Move(partial, file.FullName, overwrite: true);
            stdout.WriteLine($"exported {instance.BusinessKey ?? "-"} ({instance.Id}) to {file.FullName}: {manifest.Letters} letter(s), {manifest.Mails} mail(s), {manifest.HistoryEntries} history entr{(manifest.HistoryEntries == 1 ? "y" : "ies")}, {manifest.Decisions} decision record(s), {manifest.ConflictChecks} conflict check(s)");
            return RegisterCommandAction.Done;
        });
        return new Command("cases", "a case's records (JIS Q 17065 7.12)") { export };
    }

    private static CaseRecordArchive CreateArchive(IServiceProvider services) => new(
        services.GetRequiredService<IInstanceStore>(),
        CliDocumentStore.Create(services),
        services.GetRequiredService<IOutbox>(),
        services.GetRequiredService<IAuditLog>(),
        services.GetRequiredService<IActivityLedger>(),
        TimeProvider.System);
}

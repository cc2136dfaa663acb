using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar retention run [--dry-run]</c>: anonymizes the personal fields of cases closed longer than the
/// "Retention" settings allow, as the server's recurring job does; <c>--dry-run</c> lists what would change and
/// changes nothing. With Retention:LettersKeptFor set, the Word/PDF content of the letters of cases closed longer is
/// removed from the document store (their records stay). Settings as the server reads them (appsettings.json, <c>JCSTAR_RETENTION__…</c>).
/// </summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var dryRun = new Option<bool>("--dry-run") { Description = "list the cases and fields that would be anonymized; change nothing" };
        var run = database.AddTo(new Command("run", "anonymize personal data of cases closed longer than Retention:ClosedCasesKeptFor (and their audit data after Retention:AuditKeptFor); remove the content of their letters after Retention:LettersKeptFor, when set") { dryRun });
        RegisterCommandAction.Set(run, database, async (parse, session, output, ct) =>
        {
            var options = CliConfiguration.Load().GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
            CaseRetention retention;
            RetentionReport report;
            try
            {
                retention = new CaseRetention(
                    session.Services.GetRequiredService<IRetentionStore>(),
                    ActivatorUtilities.CreateInstance<WorkflowStores>(session.Services),
                    options,
                    TimeProvider.System,
                    session.Services.GetRequiredService<ILogger<CaseRetention>>(),
                    CliDocumentStore.Create(session.Services));
                report = await retention.RunAsync(parse.GetValue(dryRun), new WorkflowActor("jcstar-cli", [], IsAdmin: true), ct);
            }
            catch (InvalidOperationException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"jcstar retention run: {e.Message}");
                return RegisterCommandAction.Refused;
            }
            var verb = report.DryRun ? "would anonymize" : "anonymized";
            foreach (var c in report.Anonymized)
            {
                var parts = new List<string>();
                if (c.Variables)
                    parts.Add("case variables");
                if (c.TaskForms > 0)
                    parts.Add($"{c.TaskForms} task form(s)");
                if (c.Mails > 0)
                    parts.Add($"{c.Mails} mail(s)");
                if (c.Jobs > 0)
                    parts.Add($"{c.Jobs} job input(s)");
                if (c.LedgerEntries > 0)
                    parts.Add($"{c.LedgerEntries} activity result(s)");
                if (c.AuditEntries > 0)
                    parts.Add($"{c.AuditEntries} audit entr{(c.AuditEntries == 1 ? "y" : "ies")}");
                if (parts.Count > 0)
                    output.WriteLine($"{verb} {c.BusinessKey ?? "-"} ({c.InstanceId}), closed {c.EndedAt:yyyy-MM-dd}: {string.Join(", ", c.Fields)} in {string.Join(", ", parts)}");
                foreach (var letter in c.Letters)
                    output.WriteLine($"{(report.DryRun ? "would remove" : "removed")} letter {letter.Name} ({letter.DocumentNumber ?? "no document number"}, sha256 {letter.Sha256}) of {c.BusinessKey ?? "-"} ({c.InstanceId}), closed {c.EndedAt:yyyy-MM-dd}");
            }
            foreach (var s in report.Skipped)
                output.WriteLine($"kept {s.BusinessKey ?? "-"} ({s.InstanceId}): {s.Reason}");
            output.WriteLine(report.DryRun
                ? $"dry run: {report.Anonymized.Count} case(s) would be anonymized, {report.Skipped.Count} kept; nothing was changed"
                : $"{report.Anonymized.Count} case(s) anonymized, {report.Skipped.Count} kept");
            return RegisterCommandAction.Done;
        });

        var command = new Command("retention", "personal data retention of closed cases (APPI): anonymize what has outstayed its purpose");
        command.Subcommands.Add(run);
        return command;
    }
}

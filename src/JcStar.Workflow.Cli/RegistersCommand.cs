using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Records;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar registers export --out DIR</c>: the registers of appeals, complaints and disputes (outcome, decided by,
/// duration) and of declared conflicts of interest, as CSV (UTF-8 with BOM) for an accreditation assessor.
/// </summary>
internal static class RegistersCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var output = new Option<DirectoryInfo>("--out") { Description = "the folder to write the CSV files into", Required = true };
        var export = database.AddTo(new Command("export", "write appeals.csv, complaints.csv, disputes.csv and conflicts-of-interest.csv") { output });
        RegisterCommandAction.Set(export, database, async (parse, session, stdout, ct) =>
        {
            var registers = new SchemeRegisters(session.Services.GetRequiredService<IInstanceStore>(), session.Services.GetRequiredService<IConflictRegister>());
            foreach (var path in await registers.ExportAsync(parse.GetValue(output)!.FullName, ct))
                stdout.WriteLine($"wrote {path}");
            return RegisterCommandAction.Done;
        });
        return new Command("registers", "the scheme's registers of appeals, complaints, disputes and conflicts of interest") { export };
    }
}

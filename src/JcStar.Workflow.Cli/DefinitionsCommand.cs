using System.CommandLine;
using System.Text;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar definitions export DIR</c>: the database is the source of truth for published procedures; this writes
/// each process's latest published XML back out under the file name it was deployed from (for version control),
/// one line per file written. When several processes came from one file, the most recently published XML wins.
/// </summary>
internal static class DefinitionsCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var directory = new Argument<string>("dir") { Description = "the folder to write the .bpmn files into (created when missing)" };
        var export = database.AddTo(new Command("export", "write the latest published version of every process to DIR") { directory });
        RegisterCommandAction.Set(export, database, async (parse, session, output, ct) =>
        {
            var target = parse.GetValue(directory) ?? "";
            if (target.Trim().Length == 0)
                throw RegisterCommandAction.Field("dir", "give the folder to write into");
            if (File.Exists(target))
                throw RegisterCommandAction.Field("dir", $"{target} is a file, not a folder");
            var latest = await session.Services.GetRequiredService<IDefinitionStore>().ListLatestAsync(ct);
            Directory.CreateDirectory(target);
            var files = latest.GroupBy(d => FileName(d), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var newest = file.MaxBy(d => d.PublishedAt)!;
                var path = Path.Combine(target, file.Key);
                await File.WriteAllTextAsync(path, newest.Xml, new UTF8Encoding(false), ct);
                output.WriteLine($"{path}\t{string.Join(",", file.OrderBy(d => d.ProcessId, StringComparer.Ordinal).Select(d => d.Id))}");
            }
            if (latest.Count == 0)
                output.WriteLine("no process is published");
            return RegisterCommandAction.Done;
        });
        return new Command("definitions", "the published procedures (BPMN definitions) in the workflow database") { export };
    }

    /// <summary>The deployed file's name without any folder it was read from; a process published without one gets "{processId}.bpmn".</summary>
    private static string FileName(DeployedDefinition d)
    {
        var name = Path.GetFileName(d.SourceName.Replace('\\', '/'));
        return name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? d.ProcessId + ".bpmn"
            : name.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase) ? name : name + ".bpmn";
    }
}

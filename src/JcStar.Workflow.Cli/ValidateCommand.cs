using System.CommandLine;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Validation;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Engine.Scripting;
using Microsoft.Extensions.Configuration;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar validate PATH...</c>: reads every file (folders: every *.bpmn below) and prints one line per
/// problem, <c>file:line: element-id: message</c>, warnings prefixed with "warning: ". Errors decide the
/// exit code: 0 all valid, 1 some file has errors, 2 bad usage (no path, or a path that does not exist).
/// </summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int BadUsage = 2;

    /// <param name="configuration">The settings whose "Engine" section gives the limits deployment applies (the minimum timer cycle); the CLI's own by default.</param>
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "BPMN files, or folders searched recursively for *.bpmn",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "check BPMN files for errors that would stop them from running");
        command.Arguments.Add(paths);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var engine = CliEngineOptions.From((configuration ?? CliConfiguration.Load)());
            return Run(parseResult.GetValue(paths) ?? [], new BpmnValidationOptions { MinimumTimerCycle = engine.MinimumTimerCycle }, output, error);
        });
        return command;
    }

    private static int Run(string[] paths, BpmnValidationOptions limits, TextWriter output, TextWriter error)
    {
        if (paths.Length == 0)
        {
            error.WriteLine("jcstar validate: give at least one BPMN file or folder, e.g. jcstar validate workflows/");
            return BadUsage;
        }
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else
            {
                error.WriteLine($"jcstar validate: {path}: no such file or folder");
                return BadUsage;
            }
        }
        // The engine's JavaScript parser checks conditions, scripts and ${…} values.
        var expressions = new JintExpressionSyntax();
        var anyErrors = false;
        foreach (var file in files)
        {
            BpmnReadResult read;
            using (var stream = File.OpenRead(file))
                read = BpmnReader.Read(stream, file);
            foreach (var diagnostic in BpmnValidator.Validate(read, expressions, limits))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    anyErrors = true;
                    output.WriteLine(diagnostic.ToString());
                }
                else
                {
                    output.WriteLine("warning: " + diagnostic);
                }
            }
        }
        return anyErrors ? Invalid : Valid;
    }
}

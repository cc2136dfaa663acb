using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Runtime.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar conditions evaluate --vars FILE [--process ID] [--business-key KEY]</c> evaluates the process-level
/// conditional start events of the latest deployed versions (of one process with <c>--process</c>) against the
/// variables of a JSON file, and starts an instance for each that holds (as Camunda 7's evaluateStartConditions);
/// one line per instance started. With <c>--as USER</c> only what that user may start is evaluated, as for the API;
/// without it, as the operator at the database ("jcstar-cli" in the history). Refusals exit 1, bad usage 2.
/// </summary>
internal static class ConditionsCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var vars = new Option<FileInfo>("--vars") { Description = "a JSON file holding one object: the variables the conditions are evaluated against, given to each instance started", Required = true };
        var process = new Option<string?>("--process") { Description = "evaluate only this process's conditional start events" };
        var businessKey = new Option<string?>("--business-key") { Description = "the business key of each instance started" };
        var asUser = new Option<string?>("--as") { Description = "act as this user (only processes they may start are evaluated)" };
        var evaluate = database.AddTo(new Command("evaluate", "start every process whose conditional start event holds for the variables") { vars, process, businessKey, asUser });
        RuntimeCommandAction.Set(evaluate, "jcstar conditions evaluate", database, asUser, async (parse, services, actor, output, ct) =>
        {
            var variables = ReadVariables(parse.GetValue(vars)!);
            var started = await services.GetRequiredService<ConditionEvaluation>()
                .EvaluateStartConditionsAsync(variables, parse.GetValue(process), parse.GetValue(businessKey), actor, ct);
            output.WriteLine("instance\tprocess\tstartEvent\tdefinition");
            foreach (var s in started)
                output.WriteLine($"{s.InstanceId}\t{s.ProcessId}\t{s.StartEventId}\t{s.DefinitionId}");
            if (started.Count == 0)
                output.WriteLine("no start condition held: nothing was started");
            return RegisterCommandAction.Done;
        });
        return new Command("conditions", "process-level conditional start events") { evaluate };
    }

    /// <exception cref="CliUsageException">The file is missing or does not hold one JSON object (its line named).</exception>
    private static ImmutableDictionary<string, JsonElement> ReadVariables(FileInfo file)
    {
        if (!file.Exists)
            throw new CliUsageException($"--vars: file '{file.FullName}' does not exist");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file.FullName));
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--vars: {file.Name}, line {(e.LineNumber ?? 0) + 1}: not JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CliUsageException($"--vars: {file.Name}: must hold one JSON object of variables, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            var variables = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in document.RootElement.EnumerateObject())
            {
                if (!variables.TryAdd(p.Name, p.Value.Clone()))
                    throw new CliUsageException($"--vars: {file.Name}: variable '{p.Name}' is given twice");
            }
            return variables.ToImmutable();
        }
    }
}

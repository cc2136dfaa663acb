using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Moves a waiting instance from one version of its process to another (Camunda 7's migration model): each
/// element instance moves to the element the plan maps it to, keeping its id (so a user task keeps its assignee,
/// comments and due date), variables and iterations; timers and subscriptions are kept where the target has the
/// same trigger and cancelled or armed where it differs. Pure: the host applies the effects. Nothing moves unless
/// every active element is mapped to a compatible element in the right scope.
/// </summary>
public sealed class InstanceMigrator(EngineOptions? options = null)
{
    private readonly ScriptSandbox sandbox = new(options ?? EngineOptions.Default);

    /// <summary>
    /// A plan mapping every element of the source process (and of the processes it calls) to the element with the
    /// same id in the target, where the target has one of a compatible kind.
    /// </summary>
    public static MigrationPlan Plan(DefinitionSet source, DefinitionSet target, string sourceProcessId, string? targetProcessId = null)
    {
        targetProcessId ??= sourceProcessId;
        var instructions = new List<MigrationInstruction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string Source, string Target)>();
        pending.Enqueue((sourceProcessId, targetProcessId));
        while (pending.TryDequeue(out var pair))
        {
            if (!seen.Add(pair.Source) || source.Index(pair.Source) is not { } from || target.Index(pair.Target) is not { } to)
                continue;
            foreach (var node in from.Nodes.Values)
            {
                if (to.Nodes.TryGetValue(node.Id, out var counterpart) && Incompatibility(node, counterpart) is null)
                    instructions.Add(new MigrationInstruction(pair.Source, node.Id, node.Id));
                if (node is CallActivity call)
                    pending.Enqueue((call.CalledElement, call.CalledElement));
            }
        }
        return new MigrationPlan(sourceProcessId, targetProcessId, [.. instructions]);
    }

    /// <summary>What is wrong with the plan itself, whatever the instances: every instruction names existing, compatible elements.</summary>
    public static ImmutableArray<string> Check(DefinitionSet source, DefinitionSet target, MigrationPlan plan)
    {
        var errors = new List<string>();
        if (source.Index(plan.SourceProcessId) is null)
            errors.Add($"the source definitions have no process '{plan.SourceProcessId}'");
        if (target.Index(plan.TargetProcessId) is null)
            errors.Add($"the target definitions have no process '{plan.TargetProcessId}'");
        if (errors.Count > 0)
            return [.. errors];
        foreach (var i in plan.Instructions)
        {
            var targetProcess = TargetProcess(plan, i.ProcessId);
            if (source.Index(i.ProcessId) is not { } from || !from.Nodes.TryGetValue(i.SourceElementId, out var node))
                errors.Add($"mapping {i.SourceElementId} → {i.TargetElementId}: the source process '{i.ProcessId}' has no element '{i.SourceElementId}'");
            else if (target.Index(targetProcess) is not { } to || !to.Nodes.TryGetValue(i.TargetElementId, out var counterpart))
                errors.Add($"mapping {i.SourceElementId} → {i.TargetElementId}: the target process '{targetProcess}' has no element '{i.TargetElementId}'");
            else if (Incompatibility(node, counterpart) is { } why)
                errors.Add($"mapping {i.SourceElementId} → {i.TargetElementId}: {why}");
        }
        var duplicates = plan.Instructions.GroupBy(i => (i.ProcessId, i.SourceElementId)).Where(g => g.Count() > 1);
        foreach (var d in duplicates)
            errors.Add($"element '{d.Key.SourceElementId}' of process '{d.Key.ProcessId}' is mapped {d.Count()} times");
        return [.. errors];
    }

    /// <summary>Why an instance at <paramref name="source"/> cannot continue at <paramref name="target"/>, or null when it can.</summary>
    public static string? Incompatibility(FlowNode source, FlowNode target)
    {
        if (source.GetType() != target.GetType())
            return $"'{source.Id}' is a {source.ElementType} but '{target.Id}' is a {target.ElementType}";
        var sourceLoop = (source as Activity)?.Loop;
        var targetLoop = (target as Activity)?.Loop;
        if (sourceLoop?.GetType() != targetLoop?.GetType())
            return $"'{source.Id}' is {LoopText(sourceLoop)} but '{target.Id}' is {LoopText(targetLoop)}";
        if (sourceLoop is MultiInstanceLoopCharacteristics s && targetLoop is MultiInstanceLoopCharacteristics t && s.IsSequential != t.IsSequential)
            return $"'{source.Id}' is {LoopText(s)} but '{target.Id}' is {LoopText(t)}";
        if (source is SubProcess a && target is SubProcess b && a.TriggeredByEvent != b.TriggeredByEvent)
            return $"'{source.Id}' and '{target.Id}' are not both event sub-processes";
        return null;
    }

    private static string LoopText(LoopCharacteristics? loop) => loop switch
    {
        null => "not a loop",
        MultiInstanceLoopCharacteristics { IsSequential: true } => "a sequential multi-instance",
        MultiInstanceLoopCharacteristics => "a parallel multi-instance",
        _ => "a standard loop",
    };

    private static string TargetProcess(MigrationPlan plan, string sourceProcess) =>
        string.Equals(sourceProcess, plan.SourceProcessId, StringComparison.Ordinal) ? plan.TargetProcessId : sourceProcess;

    /// <param name="now">The time new timers are armed from.</param>
    public MigrationResult Migrate(DefinitionSet source, DefinitionSet target, InstanceState state, MigrationPlan plan, DateTimeOffset now)
    {
        if (state.Status != InstanceStatus.Waiting)
            return MigrationResult.Failed([$"instance {state.InstanceId} has ended ({state.Status})"]);
        if (!string.Equals(state.ProcessId, plan.SourceProcessId, StringComparison.Ordinal))
            return MigrationResult.Failed([$"instance {state.InstanceId} runs process '{state.ProcessId}', the plan migrates '{plan.SourceProcessId}'"]);
        var planErrors = Check(source, target, plan);
        if (!planErrors.IsEmpty)
            return MigrationResult.Failed(planErrors);

        var byId = state.Elements.ToDictionary(e => e.Id);
        string ProcessOf(int id)
        {
            for (var e = byId.GetValueOrDefault(id); e is not null; e = byId.GetValueOrDefault(e.Parent))
            {
                if (e.ProcessId is { } p)
                    return p;
            }
            throw new InvalidOperationException($"element instance {id} of {state.InstanceId} has no process");
        }

        var errors = new List<string>();
        var moved = new List<MigratedElement>();
        var renamed = new Dictionary<int, string>();
        foreach (var e in state.Elements)
        {
            if (e.ProcessId is { } own)
            {
                if (e.Parent == 0)
                    renamed[e.Id] = plan.TargetProcessId;
                else if (target.Index(own) is null)
                    errors.Add($"the called process '{own}' running under {byId[e.Parent].ElementId} is not in the target definitions");
                else
                    renamed[e.Id] = own;
                continue;
            }
            var process = ProcessOf(e.Id);
            var sourceNode = source.Index(process)!.Node(e.ElementId);
            var mapped = plan.TargetOf(process, e.ElementId);
            if (mapped is null)
            {
                errors.Add($"active element '{e.ElementId}' ({sourceNode.ElementType}) of process '{process}' is not mapped");
                continue;
            }
            renamed[e.Id] = mapped;
            if (mapped != e.ElementId)
                moved.Add(new MigratedElement(state.IdOf(e.Id), e.ElementId, mapped, e.Wait));
        }
        if (errors.Count > 0)
            return MigrationResult.Failed(errors);

        // Scopes: an element must land inside the element its parent lands at (iterations share their body's element).
        foreach (var e in state.Elements)
        {
            var parent = byId.GetValueOrDefault(e.Parent);
            if (parent is null)
                continue;
            var targetProcess = TargetProcess(plan, e.ProcessId is null ? ProcessOf(e.Id) : ProcessOf(parent.Id));
            var targetIndex = target.Index(targetProcess)!;
            if (e.ProcessId is { } called)
            {
                if (targetIndex.Node(renamed[parent.Id]) is not CallActivity call || call.CalledElement != called)
                    errors.Add($"'{renamed[parent.Id]}' in the target does not call '{called}', which the instance runs under '{parent.ElementId}'");
                continue;
            }
            if (parent.ProcessId is null && parent.ElementId == e.ElementId)
                continue;
            var container = targetIndex.ContainerOf(renamed[e.Id]);
            if (container != renamed[parent.Id])
                errors.Add($"'{e.ElementId}' maps to '{renamed[e.Id]}', which is inside '{container}' in the target, but its scope '{parent.ElementId}' maps to '{renamed[parent.Id]}'");
        }

        var joins = new List<JoinArrival>();
        foreach (var j in state.Joins)
        {
            var process = ProcessOf(j.Scope);
            if (plan.TargetOf(process, j.GatewayId) is not { } gateway)
                errors.Add($"a token waits at the join '{j.GatewayId}' of process '{process}', which is not mapped");
            else
                joins.Add(j with { GatewayId = gateway });
        }
        if (errors.Count > 0)
            return MigrationResult.Failed(errors);

        var orphans = new HashSet<int>();
        string TriggerElement(int owner, int id, string elementId)
        {
            if (byId.ContainsKey(owner) && plan.TargetOf(ProcessOf(owner), elementId) is { } mapped)
                return mapped;
            orphans.Add(id);
            return elementId;
        }
        var migrated = state with
        {
            ProcessId = plan.TargetProcessId,
            Elements = [.. state.Elements.Select(e => e with
            {
                ElementId = renamed[e.Id],
                ProcessId = e.Parent == 0 ? plan.TargetProcessId : e.ProcessId,
            })],
            Joins = [.. joins],
            Timers = [.. state.Timers.Select(t => t with { ElementId = TriggerElement(t.Owner, t.Id, t.ElementId) })],
            Subscriptions = [.. state.Subscriptions.Select(s => s with { ElementId = TriggerElement(s.Owner, s.Id, s.ElementId) })],
            Incidents = [.. state.Incidents.Select(i => i with { ElementId = renamed.GetValueOrDefault(i.ElementInstance, i.ElementId) })],
        };

        var run = new Execution(target, sandbox, migrated, now);
        try
        {
            run.ReconcileTriggers(orphans);
        }
        catch (ScriptFailure failure)
        {
            return MigrationResult.Failed([$"a trigger the target arms cannot be evaluated: {failure.Message}"]);
        }
        return new MigrationResult(run.ToState(), [.. moved], [.. run.Effects], []);
    }
}

using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime.Migrations;

/// <summary>
/// Moves running cases to another version of their process (Camunda 7's migration model). Each case is one
/// transaction guarded by the case's version, like any command: a case that changed meanwhile, or whose waiting
/// elements the plan cannot move, is listed with the reason and left as it was. Tasks keep their id, assignee,
/// comments and due dates; timers and subscriptions are kept, cancelled or armed as the target defines them; the
/// case's history records <see cref="AuditActions.InstanceMigrated"/>. Admins and scheme managers only.
/// </summary>
public sealed class InstanceMigrations(
    InstanceCommandExecutor executor,
    WorkflowStores stores,
    DefinitionCatalog catalog,
    WorkflowEngine engine)
{
    private readonly InstanceMigrator _migrator = new(engine.Options);

    public static void RequireMigrator(WorkflowActor actor)
    {
        if (!actor.IsAdmin && !actor.HasRole("scheme-manager"))
            throw new WorkflowForbiddenException($"{actor.Id} may not migrate cases: only admins and scheme managers may");
    }

    /// <summary>The mapping by id between two versions, its problems, and where waiting cases would be left unmapped.</summary>
    public async Task<MigrationPlanReport> PlanAsync(string sourceDefinitionId, string targetDefinitionId, WorkflowActor actor, CancellationToken ct = default)
    {
        RequireMigrator(actor);
        var (source, target, sourceSet, targetSet) = await LoadAsync(sourceDefinitionId, targetDefinitionId, ct);
        var plan = InstanceMigrator.Plan(sourceSet, targetSet, source.ProcessId, target.ProcessId);
        var unmapped = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = await SelectAsync(source, null, ct);
        foreach (var id in ids)
        {
            if (await stores.Instances.FindAsync(id, ct) is not { } instance)
                continue;
            var state = InstanceStateSerializer.Deserialize(instance.StateJson);
            foreach (var e in state.Elements.Where(e => e.ProcessId is null))
            {
                if (!plan.Instructions.Any(i => i.SourceElementId == e.ElementId))
                    unmapped[e.ElementId] = unmapped.GetValueOrDefault(e.ElementId) + 1;
            }
        }
        return new MigrationPlanReport(plan, InstanceMigrator.Check(sourceSet, targetSet, plan), unmapped, ids.Count);
    }

    public async Task<MigrationReport> MigrateAsync(
        MigrationRequest request, WorkflowActor actor, IProgress<MigrationProgress>? progress = null, CancellationToken ct = default)
    {
        RequireMigrator(actor);
        var (source, target, sourceSet, targetSet) = await LoadAsync(request.SourceDefinitionId, request.TargetDefinitionId, ct);
        var plan = request.Instructions is { } instructions
            ? new MigrationPlan(source.ProcessId, target.ProcessId, [.. instructions])
            : InstanceMigrator.Plan(sourceSet, targetSet, source.ProcessId, target.ProcessId);
        var planErrors = InstanceMigrator.Check(sourceSet, targetSet, plan);
        if (planErrors.Length > 0)
            throw new WorkflowInputException("the migration plan is not valid: " + string.Join("; ", planErrors),
                new Dictionary<string, string[]> { ["plan"] = [.. planErrors] });

        var ids = request.InstanceIds is { Count: > 0 } chosen ? [.. chosen.Distinct(StringComparer.Ordinal)] : await SelectAsync(source, request.BusinessKey, ct);
        var outcomes = new List<CaseMigrationOutcome>(ids.Count);
        var batch = Math.Max(1, request.BatchSize);
        for (var start = 0; start < ids.Count; start += batch)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = ids.Skip(start).Take(batch).ToArray();
            var done = new CaseMigrationOutcome[chunk.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, chunk.Length),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = ct },
                async (i, token) => done[i] = await MigrateOneAsync(chunk[i], source, target, sourceSet, targetSet, plan, request.DryRun, actor, token));
            outcomes.AddRange(done);
            progress?.Report(new MigrationProgress(outcomes.Count, ids.Count, outcomes.Count(o => !o.Migrated)));
        }
        return new MigrationReport(source.Id, target.Id, request.DryRun, outcomes);
    }

    private async Task<CaseMigrationOutcome> MigrateOneAsync(
        string instanceId, DeployedDefinition source, DeployedDefinition target, DefinitionSet sourceSet, DefinitionSet targetSet,
        MigrationPlan plan, bool dryRun, WorkflowActor actor, CancellationToken ct)
    {
        CaseMigrationOutcome Failed(string reason) => new(instanceId, false, [reason]);
        var instance = await stores.Instances.FindAsync(instanceId, ct);
        if (instance is null)
            return Failed($"no case {instanceId}");
        if (instance.DefinitionId != source.Id)
            return Failed($"case {instanceId} runs {instance.DefinitionId}, not {source.Id}");
        if (instance.HasEnded)
            return Failed($"case {instanceId} has ended ({instance.Status})");

        var now = executor.Time.GetUtcNow();
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        var result = _migrator.Migrate(sourceSet, targetSet, state, plan, now);
        if (!result.Succeeded)
            return new CaseMigrationOutcome(instanceId, false, result.Errors);
        if (dryRun)
            return new CaseMigrationOutcome(instanceId, true, []);

        var after = instance with
        {
            DefinitionId = target.Id,
            ProcessId = target.ProcessId,
            DefinitionVersion = target.Version,
            StateJson = InstanceStateSerializer.Serialize(result.State!),
            Version = instance.Version + 1,
            UpdatedAt = now,
        };
        var commitPlan = new CommitPlan(stores, executor.Options, instanceId, now, actor.Id);
        var moved = result.Moved.ToDictionary(m => RuntimeIds.Scoped(instanceId, m.ElementInstanceId), StringComparer.Ordinal);
        var targetIndex = targetSet.Index(target.ProcessId);
        var open = await stores.Tasks.QueryAsync(new TaskQuery { InstanceId = instanceId, Status = HumanTaskStatus.Open, Page = new PageRequest(1, PageRequest.MaxSize) }, ct);
        foreach (var task in open.Items)
        {
            var updated = task with { DefinitionId = target.Id, ProcessId = target.ProcessId };
            if (moved.TryGetValue(task.Id, out var m))
            {
                var name = targetIndex is not null && targetIndex.Nodes.TryGetValue(m.TargetElementId, out var node) ? node.Name : null;
                updated = updated with { ElementId = m.TargetElementId, Name = name ?? task.Name };
            }
            commitPlan.PutExisting(updated);
        }
        commitPlan.Audit(AuditActions.InstanceMigrated, null, new
        {
            from = source.Id,
            to = target.Id,
            moved = result.Moved.Select(m => new { id = m.ElementInstanceId, from = m.SourceElementId, to = m.TargetElementId }),
            effects = result.Effects.Select(e => e.GetType().Name),
        });
        await commitPlan.ApplyAsync(after, result.Effects, ct);
        var commit = commitPlan.Build(after, instance.Version);
        try
        {
            await stores.Instances.CommitAsync(commit, ct);
        }
        catch (WorkflowConflictException e)
        {
            return Failed($"case {instanceId} changed while it was being migrated ({e.Message}); it was left as it was, migrate it again");
        }
        await executor.AfterCommitAsync(commit, ct);
        return new CaseMigrationOutcome(instanceId, true, []);
    }

    private async Task<(DeployedDefinition Source, DeployedDefinition Target, DefinitionSet SourceSet, DefinitionSet TargetSet)> LoadAsync(
        string sourceDefinitionId, string targetDefinitionId, CancellationToken ct)
    {
        var source = await stores.Definitions.FindAsync(sourceDefinitionId, ct)
            ?? throw new WorkflowNotFoundException($"no definition {sourceDefinitionId} is deployed");
        var target = await stores.Definitions.FindAsync(targetDefinitionId, ct)
            ?? throw new WorkflowNotFoundException($"no definition {targetDefinitionId} is deployed");
        return (source, target, await catalog.GetAsync(source.Id, ct), await catalog.GetAsync(target.Id, ct));
    }

    /// <summary>The waiting cases of the source version, ids first so that migrating them does not shift the pages.</summary>
    private async Task<List<string>> SelectAsync(DeployedDefinition source, string? businessKey, CancellationToken ct)
    {
        var ids = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await stores.Instances.QueryAsync(new InstanceQuery(source.ProcessId, businessKey, InstanceStatus.Waiting, new PageRequest(number, PageRequest.MaxSize)), ct);
            ids.AddRange(page.Items.Where(i => i.DefinitionId == source.Id).Select(i => i.Id));
            if (!page.HasMore)
                return ids;
        }
    }
}

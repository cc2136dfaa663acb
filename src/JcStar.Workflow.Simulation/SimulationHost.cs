using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.InMemory;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// Runs one process through the real runtime (the use cases the server runs) on in-memory stores and
/// a virtual clock: deploy, start, apply the scenario's steps, optionally let every timer fall due.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    /// <summary>A cycle timer would fire for ever; past this many firings the drain stops and says so.</summary>
    public const int MaxTimerFirings = 10_000;

    private static readonly WorkflowActor Simulator = new("simulation", [], IsAdmin: true);

    private readonly ServiceProvider services;
    private readonly VirtualClock clock;
    private readonly List<IncidentEntry> hostIncidents = [];

    /// <param name="outbox">Where steps queue their mail, committed with them (the in-memory store's own when null).</param>
    /// <param name="hostedHandlers">Handlers that need the host's own services (the case history), made by name once the host exists.</param>
    public SimulationHost(VirtualClock clock, IEnumerable<IActivityHandler> handlers, IEnumerable<string> activityNamesInModels, IEnumerable<IStartVariableSource> startVariables, InMemoryOutbox? outbox = null,
        IEnumerable<(string Name, Func<IServiceProvider, IActivityHandler> Create)>? hostedHandlers = null)
    {
        this.clock = clock;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        if (outbox is not null)
            collection.AddSingleton(outbox);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddWorkflowRuntime(o =>
        {
            o.RunSyncActivitiesInline = true;
            o.NodeId = "simulation";
            o.RetryBaseDelay = TimeSpan.Zero;
            o.DefaultRetries = 0;
            // The simulation starts the one instance it reports on; a timer start event would start others as the clock moves.
            o.ArmStartTimers = false;
        });
        collection.AddInMemoryWorkflowStores();
        foreach (var source in startVariables)
            collection.AddSingleton(source);
        var provided = handlers.ToList();
        foreach (var handler in provided)
            collection.AddSingleton(handler);
        var hosted = hostedHandlers?.ToList() ?? [];
        foreach (var (_, create) in hosted)
            collection.AddSingleton(create);
        foreach (var missing in activityNamesInModels.Distinct(StringComparer.Ordinal).Except(provided.Select(h => h.Name).Concat(hosted.Select(h => h.Name)), StringComparer.Ordinal))
            collection.AddSingleton<IActivityHandler>(new PassThroughActivity(missing));
        services = collection.BuildServiceProvider();
    }

    public IServiceProvider Services => services;

    public DateTimeOffset Now => clock.GetUtcNow();

    public string? InstanceId { get; private set; }

    public async Task DeployAsync(IEnumerable<(string Xml, string SourceName)> files, CancellationToken ct)
    {
        var deployment = services.GetRequiredService<DefinitionDeployment>();
        foreach (var (xml, source) in files)
            await deployment.DeployAsync(xml, source, Simulator, ct);
    }

    public async Task RunAsync(string processId, Scenario scenario, ImmutableDictionary<string, JsonElement> startVariables, CancellationToken ct)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var instance = await StartAsync(runtime, processId, scenario, startVariables, ct);
        InstanceId = instance?.Id;
        await DrainJobsAsync(ct);
        if (InstanceId is null)
            return;
        foreach (var step in scenario.Steps)
        {
            ct.ThrowIfCancellationRequested();
            await ApplyAsync(runtime, step, ct);
            await DrainJobsAsync(ct);
        }
        if (scenario.DrainTimers)
            await DrainTimersAsync(ct);
    }

    /// <summary>
    /// A process that starts only on conditions (no none start event, no start message named) starts as the runtime
    /// starts it: when a condition holds for the start variables; that none held is said as plainly as a failed start.
    /// </summary>
    private async Task<WorkflowInstance?> StartAsync(WorkflowRuntime runtime, string processId, Scenario scenario, ImmutableDictionary<string, JsonElement> startVariables, CancellationToken ct)
    {
        var conditions = scenario.StartMessage is null ? await ConditionalOnlyStartsAsync(processId, ct) : [];
        if (conditions.Count == 0)
            return await Guard(() => runtime.StartAsync(processId, scenario.BusinessKey, startVariables, Simulator, scenario.StartMessage, ct), "start");
        var started = await Guard(() => runtime.EvaluateStartConditionsAsync(startVariables, processId, scenario.BusinessKey, Simulator, ct), "start");
        if (started is not { Count: > 0 })
            throw new ScenarioException($"start: the start condition of process '{processId}' did not hold for the scenario's start variables, so nothing started ("
                + string.Join("; ", conditions.Select(c => $"start event {c.StartEventId}: {c.Condition.Condition.Text}")) + ")");
        // Several conditional start events may hold: the simulation follows the first one's instance.
        return await services.GetRequiredService<WorkflowStores>().Instances.FindAsync(started[0].InstanceId, ct);
    }

    private async Task<IReadOnlyList<ConditionalStartTarget>> ConditionalOnlyStartsAsync(string processId, CancellationToken ct)
    {
        var conditions = await services.GetRequiredService<StartEvents>().ForConditionsAsync(processId, ct);
        if (conditions.Count == 0)
            return [];
        var definitions = await services.GetRequiredService<DefinitionCatalog>().GetAsync(conditions[0].Definition.Id, ct);
        return definitions.Index(processId)?.NoneStartEvent is null ? conditions : [];
    }

    private async Task ApplyAsync(WorkflowRuntime runtime, ScenarioStep step, CancellationToken ct)
    {
        if (step.Complete is { } element)
        {
            var open = await OpenTasksAsync(ct);
            var task = open.FirstOrDefault(t => t.ElementId == element)
                ?? throw new ScenarioException($"steps[{step.Index}]: no open task '{element}' to complete (open: {(open.Count == 0 ? "none" : string.Join(", ", open.Select(t => t.ElementId)))}){await IncidentsNoteAsync(ct)}");
            var actor = step.User is { } user ? new WorkflowActor(user, [.. task.CandidateGroups], IsAdmin: true) : Simulator;
            await Guard(() => runtime.CompleteTaskAsync(task.Id, step.Variables, actor, ct), element);
        }
        else if (step.Message is { } message)
        {
            var delivered = await Guard(() => runtime.CorrelateMessageAsync(message, step.CorrelationKey, step.Variables, Simulator, ct), message);
            if (delivered == 0)
                throw new ScenarioException($"steps[{step.Index}]: message '{message}'{(step.CorrelationKey is null ? "" : $" with key '{step.CorrelationKey}'")} matched no waiting subscription");
        }
        else if (step.Signal is { } signal)
        {
            await Guard(() => runtime.BroadcastSignalAsync(signal, step.Variables, Simulator, ct), signal);
        }
        else if (step.Choose is { } chosen)
        {
            await Guard(() => runtime.ActivateAdHocActivityAsync(InstanceId!, chosen, Simulator, cancellationToken: ct), chosen);
        }
        else if (step.Advance is { } advance)
        {
            var target = advance.NextDue(Now, 0) ?? Now;
            await FireTimersDueByAsync(target, ct);
            clock.MoveTo(target);
        }
    }

    /// <summary>Moves the clock to each pending timer in turn until none is left or the instance ends.</summary>
    private async Task DrainTimersAsync(CancellationToken ct)
    {
        var timers = services.GetRequiredService<ITimerStore>();
        for (var fired = 0; ; fired++)
        {
            ct.ThrowIfCancellationRequested();
            if (await HasEndedAsync(ct))
                return;
            var next = (await timers.FindDueAsync(DateTimeOffset.MaxValue, 1, ct)).FirstOrDefault();
            if (next is null)
                return;
            if (fired >= MaxTimerFirings)
            {
                hostIncidents.Add(new IncidentEntry(next.ElementId, $"drainTimers stopped after {MaxTimerFirings} timer firings (a cycle timer without end?)"));
                return;
            }
            clock.MoveTo(next.DueAt);
            await FireAsync(next, ct);
        }
    }

    private async Task FireTimersDueByAsync(DateTimeOffset target, CancellationToken ct)
    {
        var timers = services.GetRequiredService<ITimerStore>();
        for (var fired = 0; fired < MaxTimerFirings; fired++)
        {
            ct.ThrowIfCancellationRequested();
            var next = (await timers.FindDueAsync(target, 1, ct)).FirstOrDefault();
            if (next is null)
                return;
            clock.MoveTo(next.DueAt);
            await FireAsync(next, ct);
        }
    }

    private async Task FireAsync(TimerRecord timer, CancellationToken ct)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await Guard(() => runtime.FireTimerAsync(timer.Id, ct), timer.ElementId);
        await DrainJobsAsync(ct);
    }

    /// <summary>Background continuations (async activities, retries) run now, in order, as a worker would.</summary>
    private async Task DrainJobsAsync(CancellationToken ct)
    {
        var queue = services.GetRequiredService<InMemoryWorkQueue>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        for (var round = 0; round < MaxTimerFirings; round++)
        {
            ct.ThrowIfCancellationRequested();
            var jobs = queue.TakeJobs();
            if (jobs.Count == 0)
                return;
            foreach (var job in jobs)
                await Guard(() => runtime.RunJobAsync(job, ct), job);
        }
    }

    private async Task<T?> Guard<T>(Func<Task<T>> action, string element)
    {
        try
        {
            return await action();
        }
        catch (WorkflowInputException e)
        {
            throw new ScenarioException($"{element}: {e.Message}{Details(e)}");
        }
        catch (WorkflowConflictException e)
        {
            throw new ScenarioException($"{element}: {e.Message}");
        }
    }

    private static string Details(WorkflowInputException e) =>
        e.Errors.Count == 0 ? "" : " (" + string.Join("; ", e.Errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")) + ")";

    /// <summary>Why the process may not be where the scenario expects: the incidents that stopped it.</summary>
    private async Task<string> IncidentsNoteAsync(CancellationToken ct)
    {
        var instance = InstanceId is null ? null : await services.GetRequiredService<IInstanceStore>().FindAsync(InstanceId, ct);
        var incidents = instance is null ? [] : InstanceStateSerializer.Deserialize(instance.StateJson).Incidents;
        return incidents.IsDefaultOrEmpty ? "" : "; stopped by: " + string.Join("; ", incidents.Select(i => $"{i.ElementId}: {i.Message}"));
    }

    private async Task<bool> HasEndedAsync(CancellationToken ct) =>
        InstanceId is null || (await services.GetRequiredService<IInstanceStore>().FindAsync(InstanceId, ct))?.HasEnded != false;

    private async Task<IReadOnlyList<HumanTask>> OpenTasksAsync(CancellationToken ct) =>
        (await services.GetRequiredService<ITaskStore>().QueryAsync(new TaskQuery { InstanceId = InstanceId, Page = new PageRequest(1, PageRequest.MaxSize) }, ct)).Items;

    public async Task<SimulationReport> ReportAsync(IReadOnlyList<DocumentEntry> documents, IReadOnlyList<MailEntry> mails, CancellationToken ct)
    {
        var store = services.GetRequiredService<IInstanceStore>();
        var instance = InstanceId is null ? null : await store.FindAsync(InstanceId, ct);
        var state = instance is null ? null : InstanceStateSerializer.Deserialize(instance.StateJson);
        var history = InstanceId is null ? [] : await services.GetRequiredService<IAuditLog>().ListByInstanceAsync(InstanceId, ct);
        var trace = history.Where(a => a.Action == AuditActions.FlowNodeCompleted).Select(a =>
        {
            using var data = JsonDocument.Parse(a.DataJson ?? "{}");
            var type = data.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            var name = data.RootElement.TryGetProperty("Name", out var n) || data.RootElement.TryGetProperty("name", out n) ? n.GetString() : null;
            return new TraceEntry(a.ElementId ?? "", type, name);
        }).ToList();
        var tasks = (await OpenTasksAsync(ct)).Select(t => new OpenTaskEntry(t.ElementId, t.Name, t.Assignee, [.. t.CandidateGroups])).ToList();
        var timers = InstanceId is null ? [] : (await services.GetRequiredService<ITimerStore>().ListByInstanceAsync(InstanceId, ct))
            .Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).Select(t => new TimerEntry(t.ElementId, t.DueAt)).ToList();
        var incidents = (state?.Incidents ?? []).Select(i => new IncidentEntry(i.ElementId, i.Message)).Concat(hostIncidents).ToList();
        var variables = state?.Elements.FirstOrDefault(e => e.Parent == 0)?.Variables ?? ImmutableDictionary<string, JsonElement>.Empty;
        // An incident stops the token where it stands: the runtime keeps it retryable, the simulation reports the run as failed.
        var status = incidents.Count > 0 && instance?.Status == InstanceStatus.Waiting ? "failed" : (instance?.Status ?? InstanceStatus.Failed) switch
        {
            InstanceStatus.Completed => "completed",
            InstanceStatus.Terminated => "terminated",
            InstanceStatus.Waiting => "waiting",
            InstanceStatus.Cancelled => "terminated",
            _ => "failed",
        };
        return new SimulationReport(status, trace, tasks, timers, new SortedDictionary<string, JsonElement>(variables, StringComparer.Ordinal), incidents, documents, mails);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

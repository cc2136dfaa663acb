using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// The run of one command against one instance: a mutable working copy of the state, a work
/// queue of token moves, and the effects produced. Lifecycle, events and commands live in the
/// partial files beside this one; what each element type does lives in Behaviors/.
/// </summary>
internal sealed partial class Execution
{
    private readonly DefinitionSet definitions;
    private readonly ScriptSandbox sandbox;
    private readonly EngineOptions options;
    private readonly string instanceId;
    private readonly string processId;
    private readonly string? businessKey;
    private readonly List<ElementInstance> elements;
    private readonly List<TimerState> timers;
    private readonly List<SubscriptionState> subscriptions;
    private readonly List<JoinArrival> joins;
    private readonly List<IncidentState> incidents;
    private readonly List<CompensationRecord> compensations;
    private readonly Queue<Step> work = new();
    private readonly InstanceState original;
    private readonly ProcessIndex? rootIndex;
    // Ids are handed out in increasing order and instances are appended as they are created, so
    // the list is sorted by id and found by binary search; a state from elsewhere that is not
    // sorted is searched linearly.
    private readonly bool sortedById;
    private InstanceStatus status;
    private int lastId;
    private int steps;

    public Execution(DefinitionSet definitions, ScriptSandbox sandbox, InstanceState state, DateTimeOffset now)
    {
        this.definitions = definitions;
        this.sandbox = sandbox;
        options = sandbox.Options;
        Now = now;
        instanceId = state.InstanceId;
        processId = state.ProcessId;
        businessKey = state.BusinessKey;
        status = state.Status;
        lastId = state.LastId;
        original = state;
        rootIndex = definitions.Index(processId);
        elements = [.. state.Elements];
        sortedById = IsSortedById(state.Elements);
        timers = [.. state.Timers];
        subscriptions = [.. state.Subscriptions];
        joins = [.. state.Joins];
        incidents = [.. state.Incidents];
        compensations = [.. state.Compensations];
    }

    public DateTimeOffset Now { get; }
    public List<EngineEffect> Effects { get; } = [];
    public ScriptSandbox Sandbox => sandbox;
    public DefinitionSet Definitions => definitions;
    public bool Ended => status != InstanceStatus.Waiting;

    public InstanceState ToState() => new()
    {
        InstanceId = instanceId,
        ProcessId = processId,
        BusinessKey = businessKey,
        Status = status,
        LastId = lastId,
        Elements = Freeze(elements, original.Elements),
        Timers = Freeze(timers, original.Timers),
        Subscriptions = Freeze(subscriptions, original.Subscriptions),
        Joins = Freeze(joins, original.Joins),
        Incidents = Freeze(incidents, original.Incidents),
        Compensations = Freeze(compensations, original.Compensations),
    };

    /// <summary>The working list as an immutable array, sharing the one passed in when nothing changed.</summary>
    private static ImmutableArray<T> Freeze<T>(List<T> working, ImmutableArray<T> before) where T : class
    {
        if (working.Count == 0)
            return [];
        if (working.Count == before.Length)
        {
            var same = true;
            for (var i = 0; i < working.Count && same; i++)
                same = ReferenceEquals(working[i], before[i]);
            if (same)
                return before;
        }
        return [.. working];
    }

    private static bool IsSortedById(ImmutableArray<ElementInstance> list)
    {
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Id <= list[i - 1].Id)
                return false;
        }
        return true;
    }

    /// <summary>The position of instance <paramref name="id"/> in <see cref="elements"/>, or -1.</summary>
    private int IndexOf(int id)
    {
        if (sortedById)
        {
            int lo = 0, hi = elements.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var at = elements[mid].Id;
                if (at == id)
                    return mid;
                if (at < id)
                    lo = mid + 1;
                else
                    hi = mid - 1;
            }
            return -1;
        }
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Id == id)
                return i;
        }
        return -1;
    }

    public string IdOf(int number) => $"{instanceId}:{number}";

    private int NextId() => ++lastId;

    /// <summary>The number inside an id this instance handed out, or null when the id is not one of ours.</summary>
    private int? ParseId(string external)
    {
        if (external.Length <= instanceId.Length + 1 || !external.StartsWith(instanceId, StringComparison.Ordinal) || external[instanceId.Length] != ':')
            return null;
        return int.TryParse(external.AsSpan(instanceId.Length + 1), out var n) && n > 0 && n <= lastId ? n : null;
    }

    public ElementInstance? Find(int id)
    {
        var i = IndexOf(id);
        return i < 0 ? null : elements[i];
    }

    public ElementInstance Get(int id) => Find(id) ?? throw new InvalidOperationException($"element instance {id} is gone");

    public void Replace(ElementInstance updated)
    {
        elements[IndexOf(updated.Id)] = updated;
    }

    public void SetWait(int id, ElementWait wait) => Replace(Get(id) with { Wait = wait });

    public List<ElementInstance> Children(int id)
    {
        var result = new List<ElementInstance>();
        foreach (var e in elements)
        {
            if (e.Parent == id)
                result.Add(e);
        }
        return result;
    }

    private bool HasChildren(int id)
    {
        foreach (var e in elements)
        {
            if (e.Parent == id)
                return true;
        }
        return false;
    }

    private ProcessIndex IndexOfProcess(string id) =>
        rootIndex is not null && string.Equals(id, processId, StringComparison.Ordinal) ? rootIndex : definitions.Index(id)!;
    public ProcessIndex ProcessOf(int id)
    {
        for (var e = Find(id); e is not null; e = Find(e.Parent))
        {
            if (e.ProcessId is { } pid)
                return IndexOfProcess(pid);
        }
        throw new InvalidOperationException($"element instance {id} has no process");
    }

    /// <summary>The flow node an instance stands at; null for a process-level instance.</summary>
    public FlowNode? NodeOf(ElementInstance instance) =>
        instance.ProcessId is not null ? null : ProcessOf(instance.Id).Node(instance.ElementId);

    public int NewInstance(int parent, FlowNode node, ElementWait wait = ElementWait.Active)
    {
        var id = NextId();
        elements.Add(new ElementInstance { Id = id, Parent = parent, ElementId = node.Id, Wait = wait });
        return id;
    }

    // ---- variables ----

    public IVariableSource Variables(int id, IReadOnlyDictionary<string, JsonElement>? overlay = null) => new ScopeVariables(this, id, overlay);

    /// <summary>All variables visible from an instance, inner scopes first, up to its process.</summary>
    public ImmutableDictionary<string, JsonElement> VisibleVariables(int id)
    {
        // Usually one scope (the process) holds variables: its dictionary is the answer as it is.
        ImmutableDictionary<string, JsonElement>? only = null;
        var scopes = 0;
        for (var e = Find(id); e is not null; e = e.ProcessId is null ? Find(e.Parent) : null)
        {
            if (e.Variables is { IsEmpty: false } v)
            {
                only = v;
                scopes++;
            }
        }
        if (scopes == 0)
            return Empty;
        if (scopes == 1)
            return only!;
        var result = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        for (var e = Find(id); e is not null; e = e.ProcessId is null ? Find(e.Parent) : null)
        {
            if (e.Variables is null)
                continue;
            foreach (var (k, v) in e.Variables)
                result.TryAdd(k, v);
        }
        return result.ToImmutable();
    }

    internal bool TryGetVariable(int id, string name, out JsonElement value)
    {
        for (var e = Find(id); e is not null; e = e.ProcessId is null ? Find(e.Parent) : null)
        {
            if (e.Variables is not null && e.Variables.TryGetValue(name, out value))
                return true;
        }
        value = default;
        return false;
    }

    /// <summary>Sets a variable where it already lives (searching outwards from <paramref name="from"/>), else on the process.</summary>
    public void SetVariable(int from, string name, JsonElement value)
    {
        ElementInstance? processLevel = null;
        for (var e = Find(from); e is not null; e = e.ProcessId is null ? Find(e.Parent) : null)
        {
            if (e.Variables is not null && e.Variables.ContainsKey(name))
            {
                Replace(e with { Variables = e.Variables.SetItem(name, value) });
                VariableChanged(name, created: false);
                return;
            }
            processLevel = e;
        }
        VariableChanged(name, created: true);
        if (processLevel is not null)
            Replace(processLevel with { Variables = (processLevel.Variables ?? ImmutableDictionary<string, JsonElement>.Empty).SetItem(name, value) });
    }

    public void SetLocal(int id, string name, JsonElement value)
    {
        var e = Get(id);
        VariableChanged(name, created: e.Variables is null || !e.Variables.ContainsKey(name));
        Replace(e with { Variables = (e.Variables ?? ImmutableDictionary<string, JsonElement>.Empty).SetItem(name, value) });
    }

    public JsonElement Evaluate(int id, Bpmn.Model.Expression expression, ExpressionRole role, IReadOnlyDictionary<string, JsonElement>? overlay = null) =>
        sandbox.Evaluate(definitions.Compile(expression, role), Variables(id, overlay));

    public bool IsTrue(int id, Bpmn.Model.Expression expression, IReadOnlyDictionary<string, JsonElement>? overlay = null) =>
        sandbox.IsTrue(definitions.Compile(expression, ExpressionRole.Condition), Variables(id, overlay));

    public string? EvaluateText(int id, Bpmn.Model.Expression expression) =>
        JsonValues.AsText(Evaluate(id, expression, ExpressionRole.Value));

    private sealed class ScopeVariables(Execution run, int id, IReadOnlyDictionary<string, JsonElement>? overlay) : IVariableSource
    {
        public bool TryGet(string name, out JsonElement value) =>
            (overlay is not null && overlay.TryGetValue(name, out value)) || run.TryGetVariable(id, name, out value);
    }
}

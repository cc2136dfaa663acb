using System.Collections.Concurrent;
using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine.Scripting;

namespace JcStar.Workflow.Engine;

/// <summary>
/// Processes compiled for execution (indexes built once, expressions pre-parsed). Immutable and
/// shareable between instances and threads.
/// </summary>
public sealed class DefinitionSet
{
    private readonly Dictionary<string, ProcessIndex> processes;
    private readonly ConcurrentDictionary<(string Text, ExpressionRole Role), CompiledExpression> expressions;

    private DefinitionSet(ImmutableArray<BpmnModel> models, Dictionary<string, ProcessIndex> processes,
        ConcurrentDictionary<(string, ExpressionRole), CompiledExpression> expressions)
    {
        Models = models;
        this.processes = processes;
        this.expressions = expressions;
    }

    public ImmutableArray<BpmnModel> Models { get; }

    public IEnumerable<ProcessIndex> Processes => processes.Values;

    /// <summary>Compiles every executable process of the given models; a process id present twice is an error.</summary>
    /// <exception cref="DefinitionException">Something in a model cannot be executed; the message lists every problem.</exception>
    public static DefinitionSet From(params BpmnModel[] models) => Build(models, compileExpressions: true);

    /// <summary>
    /// The models of a stored version, whose expressions all compiled when it was deployed (<see cref="From"/>): indexed and
    /// checked as <see cref="From"/> does, but each expression is compiled on its first use instead of now. Compiling
    /// every expression of a procedure costs the script engine's first use (over half a second of CPU, most of it sorting
    /// every system time zone by display name) and then each parse; a server that starts, or opens a case, needs few or none of them.
    /// </summary>
    /// <exception cref="DefinitionException">Something in a model cannot be executed; the message lists every problem.</exception>
    public static DefinitionSet Stored(params BpmnModel[] models) => Build(models, compileExpressions: false);

    private static DefinitionSet Build(BpmnModel[] models, bool compileExpressions)
    {
        var problems = new List<string>();
        var processes = new Dictionary<string, ProcessIndex>(StringComparer.Ordinal);
        var all = models.SelectMany(m => m.Processes.Select(p => (Model: m, Process: p))).ToList();
        var called = all.SelectMany(x => AllNodes(x.Process.Scope)).OfType<CallActivity>().Select(c => c.CalledElement).ToHashSet();
        foreach (var (model, process) in all)
        {
            if (!process.IsExecutable && !called.Contains(process.Id))
                continue;
            if (processes.ContainsKey(process.Id))
                problems.Add($"process '{process.Id}' is defined twice");
            else
                processes[process.Id] = new ProcessIndex(process, model);
        }

        var expressions = new ConcurrentDictionary<(string, ExpressionRole), CompiledExpression>();
        var checker = new DefinitionChecker(processes, compileExpressions ? expressions : null, problems);
        foreach (var index in processes.Values)
            checker.Check(index);
        if (problems.Count > 0)
            throw new DefinitionException([.. problems]);
        return new DefinitionSet([.. models], processes, expressions);
    }

    /// <summary>The process definition with this id, or null.</summary>
    public ProcessDefinition? Find(string processId) => processes.GetValueOrDefault(processId)?.Process;

    public ProcessIndex? Index(string processId) => processes.GetValueOrDefault(processId);

    /// <summary>The compiled form of model text (compiled at <see cref="From"/>; anything else, and all of a <see cref="Stored"/> set, on first use).</summary>
    public CompiledExpression Compile(Bpmn.Model.Expression expression, ExpressionRole role) =>
        expressions.GetOrAdd((expression.Text, role), static key => ExpressionCompiler.Compile(key.Text, key.Role));

    internal static IEnumerable<FlowNode> AllNodes(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n is SubProcess s ? [n, .. AllNodes(s.Scope)] : new[] { n });
}

using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// The bpmn-engine peer's review.bpmn (tests/bench/bpmn-engine) in our syntax, run in the
/// peer's modes: run, run-parse, persist, bulk. Usage: engine MODE [N] [WARMUP].
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    private const string ReviewXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="Definitions_review" targetNamespace="urn:jcstar:bench">
          <process id="docReview" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="classify" />
            <serviceTask id="classify" name="Classify document" jc:activity="classify" />
            <sequenceFlow id="f2" sourceRef="classify" targetRef="route" />
            <exclusiveGateway id="route" default="fAuto" />
            <sequenceFlow id="fReview" sourceRef="route" targetRef="review">
              <conditionExpression xsi:type="tFormalExpression">${needsReview}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="fAuto" sourceRef="route" targetRef="endAuto" />
            <userTask id="review" name="Review document" />
            <sequenceFlow id="f3" sourceRef="review" targetRef="endReviewed" />
            <endEvent id="endReviewed" />
            <endEvent id="endAuto" />
          </process>
        </definitions>
        """;

    private static readonly JsonElement True = JsonSerializer.SerializeToElement(true);
    private static readonly ImmutableDictionary<string, JsonElement> Classified =
        ImmutableDictionary<string, JsonElement>.Empty.Add("docClass", JsonSerializer.SerializeToElement("invoice"));
    private static readonly ImmutableDictionary<string, JsonElement> Approved =
        ImmutableDictionary<string, JsonElement>.Empty.Add("approved", True);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly WorkflowEngine engine = new();

    public string Name => "engine";

    public Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "run";
        var n = args.Length > 1 ? int.Parse(args[1]) : 10_000;
        var warmup = args.Length > 2 ? int.Parse(args[2]) : 500;
        var definitions = Parse();

        if (mode == "bulk")
        {
            Bulk(definitions, Math.Min(warmup, 500), out _, out _);
            var sw = Stopwatch.StartNew();
            var bytesPerWaiting = Bulk(definitions, n, out var startToWait, out var rssPerWaiting);
            sw.Stop();
            Print(new
            {
                engine = "jcstar", mode, N = n, startToWaitSec = startToWait, totalSec = sw.Elapsed.TotalSeconds, instancesPerSec = n / sw.Elapsed.TotalSeconds,
                bytesPerWaitingInstance = bytesPerWaiting, rssGrowthBytesPerWaitingInstance = rssPerWaiting,
            });
            return Task.FromResult(0);
        }

        Action<int> one = mode switch
        {
            "run" => i => Run(definitions, i, persist: false),
            "run-parse" => i => Run(Parse(), i, persist: false),
            "persist" => i => Run(definitions, i, persist: true),
            _ => throw new ArgumentException($"unknown mode {mode}; run, run-parse, persist or bulk"),
        };
        for (var i = 0; i < warmup; i++)
            one(i);
        GC.Collect();
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
            one(i);
        timer.Stop();
        Print(new { engine = "jcstar", mode, N = n, warmup, totalSec = timer.Elapsed.TotalSeconds, instancesPerSec = n / timer.Elapsed.TotalSeconds, usPerInstance = timer.Elapsed.TotalMicroseconds / n });
        return Task.FromResult(0);
    }

    private static DefinitionSet Parse()
    {
        var read = BpmnReader.Read(ReviewXml, "review.bpmn");
        if (read.HasErrors)
            throw new InvalidOperationException(string.Join("; ", read.Diagnostics));
        return DefinitionSet.From(read.Model);
    }

    private static ImmutableDictionary<string, JsonElement> Variables(int i) =>
        ImmutableDictionary<string, JsonElement>.Empty
            .Add("needsReview", True)
            .Add("docId", JsonSerializer.SerializeToElement("doc-" + i.ToString("x")));

    private InstanceState ToWait(DefinitionSet definitions, int i)
    {
        var started = engine.Execute(definitions, null, new StartInstance("bench-" + i, "docReview", Variables(i)), Now);
        var job = (ActivityInvoked)started.Effects.First(e => e is ActivityInvoked);
        var classified = engine.Execute(definitions, started.State, new CompleteActivity(job.JobId, Classified), Now);
        return classified.State;
    }

    private void Complete(DefinitionSet definitions, InstanceState state)
    {
        var task = state.Elements.First(e => e.Wait == ElementWait.UserTask);
        var done = engine.Execute(definitions, state, new CompleteUserTask(state.IdOf(task.Id), Approved), Now);
        if (done.State.Status != InstanceStatus.Completed || !done.Effects.Any(e => e is FlowNodeCompleted { ElementId: "endReviewed" }))
            throw new InvalidOperationException("instance did not end via endReviewed");
    }

    private void Run(DefinitionSet definitions, int i, bool persist)
    {
        var waiting = ToWait(definitions, i);
        if (persist)
            waiting = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(waiting));
        Complete(definitions, waiting);
    }

    /// <summary>
    /// Brings n instances to the wait and holds them. Returns the managed heap's growth per waiting instance;
    /// <paramref name="rssPerWaiting"/> is the process's resident set growth per instance, measured as the
    /// peer's is (full collections first, then RSS before and after).
    /// </summary>
    private double Bulk(DefinitionSet definitions, int n, out double startToWaitSec, out double rssPerWaiting)
    {
        Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Environment.WorkingSet;
        var sw = Stopwatch.StartNew();
        var held = new InstanceState[n];
        for (var i = 0; i < n; i++)
            held[i] = ToWait(definitions, i);
        startToWaitSec = sw.Elapsed.TotalSeconds;
        Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        rssPerWaiting = (Environment.WorkingSet - rssBefore) / (double)n;
        foreach (var state in held)
            Complete(definitions, state);
        GC.KeepAlive(held);
        return (after - before) / (double)n;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));
}

using System.Text.Json;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// One line of a case's timeline in plain words: the step's own name from the diagram (申請受付, 補正依頼の送付,
/// 手数料の入金 …) where the log has one, else what kind of thing happened. Bookkeeping entries are left out.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Actor, string ActionKey, string? Step)
{
    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)
    {
        AuditActions.InstanceStarted, AuditActions.InstanceEnded, AuditActions.InstanceCancelled, AuditActions.TaskClaimed,
        AuditActions.TaskUnclaimed, AuditActions.TaskReassigned, AuditActions.TaskCompleted, AuditActions.MessageCorrelated,
        AuditActions.TimerFired, AuditActions.SignalReceived, AuditActions.ConditionalStart, AuditActions.FlowNodeCompleted, AuditActions.TaskCommented, AuditActions.DocumentAttached, AuditActions.IncidentRaised, AuditActions.IncidentRetried,
    };

    /// <summary>Element types whose completion is worth a line (a named step, not a gateway or a flow's plumbing).</summary>
    private static readonly HashSet<string> Steps = new(StringComparer.Ordinal)
    {
        "serviceTask", "sendTask", "businessRuleTask", "scriptTask", "callActivity", "intermediateCatchEvent", "intermediateThrowEvent",
        "endEvent", "receiveTask", "boundaryEvent", "subProcess",
    };

    public static IReadOnlyList<TimelineEntry> From(IEnumerable<AuditEntry> history, IReadOnlyDictionary<string, string> names)
    {
        var lines = new List<TimelineEntry>();
        foreach (var e in history.Where(e => Shown.Contains(e.Action)))
        {
            string? type = null, name = null;
            if (e.DataJson is { Length: > 0 } json)
            {
                using var data = JsonDocument.Parse(json);
                type = data.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                name = data.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                    : data.RootElement.TryGetProperty("Name", out n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            }
            if (e.Action == AuditActions.FlowNodeCompleted && (type is null || !Steps.Contains(type)))
                continue;
            var step = name ?? (e.ElementId is { } id ? names.GetValueOrDefault(id) : null);
            if (e.Action == AuditActions.FlowNodeCompleted && step is null)
                continue;
            lines.Add(new TimelineEntry(e.At, e.Actor, e.Action, step));
        }
        return lines;
    }
}

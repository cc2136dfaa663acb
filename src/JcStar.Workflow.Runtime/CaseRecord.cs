using System.Text.Json;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// What a page shows of one case, read behind a single access check (one audited read): the case, its variables,
/// its history as the caller may see it, what it waits to receive, and (when asked for) its tasks the caller may see.
/// </summary>
public sealed record CaseRecord(
    WorkflowInstance Instance,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<WaitingMessage> Waiting,
    IReadOnlyList<HumanTask> Tasks);

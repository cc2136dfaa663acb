using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>
/// Every criterion given must hold; newest first. <paramref name="Scope"/> limits the cases to those the caller may see
/// (null: all); <paramref name="InstanceIds"/> to the cases named (a page's cases read in one query).
/// </summary>
public sealed record InstanceQuery(
    string? ProcessId = null,
    string? BusinessKey = null,
    InstanceStatus? Status = null,
    PageRequest? Page = null,
    CaseScope? Scope = null,
    IReadOnlyCollection<string>? InstanceIds = null);

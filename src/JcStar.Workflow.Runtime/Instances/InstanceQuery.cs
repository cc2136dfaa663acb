using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Runtime.Instances;

/// <summary>Every criterion given must hold; newest first.</summary>
public sealed record InstanceQuery(
    string? ProcessId = null,
    string? BusinessKey = null,
    InstanceStatus? Status = null,
    PageRequest? Page = null);

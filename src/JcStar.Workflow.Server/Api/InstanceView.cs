using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Server.Api;

/// <summary>An instance without its engine state (internal, and possibly large).</summary>
public sealed record InstanceView(
    string Id, string ProcessId, string DefinitionId, int DefinitionVersion, string? BusinessKey, string Status,
    DateTimeOffset StartedAt, string? StartedBy, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt)
{
    public static InstanceView From(WorkflowInstance i) =>
        new(i.Id, i.ProcessId, i.DefinitionId, i.DefinitionVersion, i.BusinessKey, i.Status.ToString(), i.StartedAt, i.StartedBy, i.UpdatedAt, i.EndedAt);
}

using JcStar.Workflow.Runtime.Subscriptions;

namespace JcStar.Workflow.Server.Api;

/// <summary>An instance a condition evaluation started (<c>id</c> is the instance's).</summary>
public sealed record ConditionalStartView(string Id, string ProcessId, string DefinitionId, string StartEventId)
{
    public static ConditionalStartView From(ConditionalStart s) => new(s.InstanceId, s.ProcessId, s.DefinitionId, s.StartEventId);
}

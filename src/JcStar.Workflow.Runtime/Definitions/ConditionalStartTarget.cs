using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>A process-level conditional start event of a latest version, and its condition.</summary>
public sealed record ConditionalStartTarget(DeployedDefinition Definition, string StartEventId, ConditionalEventDefinition Condition);

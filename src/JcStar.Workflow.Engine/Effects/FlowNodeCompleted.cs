namespace JcStar.Workflow.Engine;

/// <summary>A flow node finished (for traces and the audit log); multi-instance and loop bodies once per completion.</summary>
public sealed record FlowNodeCompleted(string ElementId, string ElementType, string? Name, string TokenId) : EngineEffect;

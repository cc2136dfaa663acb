namespace JcStar.Workflow.Bpmn.Model;

/// <summary>An association artifact; the engine uses the one joining a compensation boundary event to its handler.</summary>
public sealed record Association(string Id, string SourceRef, string TargetRef);

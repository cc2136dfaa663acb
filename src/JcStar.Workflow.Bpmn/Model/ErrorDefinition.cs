namespace JcStar.Workflow.Bpmn.Model;

public sealed record ErrorDefinition(string Id, string? Name, string? ErrorCode);

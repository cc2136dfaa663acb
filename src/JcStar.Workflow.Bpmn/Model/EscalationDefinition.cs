namespace JcStar.Workflow.Bpmn.Model;

public sealed record EscalationDefinition(string Id, string? Name, string? EscalationCode);

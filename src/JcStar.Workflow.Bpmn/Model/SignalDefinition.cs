namespace JcStar.Workflow.Bpmn.Model;

public sealed record SignalDefinition(string Id, string Name);

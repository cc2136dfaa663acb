namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A root-level <c>message</c>. <see cref="CorrelationKey"/> comes from jc:correlationKey or zeebe:subscription.</summary>
public sealed record MessageDefinition(string Id, string Name, Expression? CorrelationKey = null);

namespace JcStar.Workflow.Runtime.Access;

/// <summary>Something a case waits to receive from outside (a fee paid, an answer, documents): the message and the element that waits.</summary>
public sealed record WaitingMessage(string ElementId, string MessageName, string? CorrelationKey);

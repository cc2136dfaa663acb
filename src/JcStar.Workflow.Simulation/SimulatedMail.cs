namespace JcStar.Workflow.Simulation;

/// <summary>One mail a simulation composed (never sent): recipients, subject, the text body and the names of its attachments.</summary>
public sealed record SimulatedMail(string? Element, string? Template, IReadOnlyList<string> To, string Subject, string Text, IReadOnlyList<string> Attachments);

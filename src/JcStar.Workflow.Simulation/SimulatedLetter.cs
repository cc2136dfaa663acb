namespace JcStar.Workflow.Simulation;

/// <summary>One Word letter a simulation rendered: its template (and the version of it, when the host keeps versions), file name and content.</summary>
public sealed record SimulatedLetter(string? Template, string FileName, byte[] Content, int? TemplateVersion = null);

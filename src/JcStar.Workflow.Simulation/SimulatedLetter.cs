namespace JcStar.Workflow.Simulation;

/// <summary>One Word letter a simulation rendered: its template, file name and content.</summary>
public sealed record SimulatedLetter(string? Template, string FileName, byte[] Content);

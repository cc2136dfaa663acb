namespace JcStar.Workflow.Server.Api;

/// <summary>What the validator says about a draft; publishing is refused while <see cref="Errors"/> is above zero.</summary>
public sealed record ValidationView(int Errors, int Warnings, IReadOnlyList<DiagnosticView> Diagnostics);

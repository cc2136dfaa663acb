namespace JcStar.Workflow.Server.Api;

/// <summary>Two versions of a process, as definition ids ("Process:3").</summary>
public sealed record MigrationPlanRequest(string? SourceDefinitionId, string? TargetDefinitionId);

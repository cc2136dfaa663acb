using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Server.Api;

/// <summary>Two versions of a process, as definition ids ("Process:3"), and optionally an edited mapping to check (none: the mapping by id).</summary>
public sealed record MigrationPlanRequest(string? SourceDefinitionId, string? TargetDefinitionId, List<MigrationInstruction>? Instructions = null);

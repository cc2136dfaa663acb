using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Server.Api;

/// <param name="Instructions">The mapping, usually the plan's as returned by POST /api/migrations/plan and edited; none means the mapping by id.</param>
/// <param name="InstanceIds">The cases to move; none means every waiting case of the source version (narrowed by <paramref name="BusinessKey"/>).</param>
public sealed record MigrateRequest(
    string? SourceDefinitionId,
    string? TargetDefinitionId,
    List<MigrationInstruction>? Instructions,
    List<string>? InstanceIds,
    string? BusinessKey,
    bool DryRun = false);

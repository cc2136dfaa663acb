namespace JcStar.Workflow.Runtime.Migrations;

/// <summary>Every selected case's outcome, in the order they were taken.</summary>
public sealed record MigrationReport(string SourceDefinitionId, string TargetDefinitionId, bool DryRun, IReadOnlyList<CaseMigrationOutcome> Cases)
{
    public int Migrated => Cases.Count(c => c.Migrated);

    public int Failed => Cases.Count(c => !c.Migrated);
}

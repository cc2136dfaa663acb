namespace JcStar.Workflow.Runtime.Migrations;

/// <summary>One case's result: migrated, or left untouched with the reasons.</summary>
public sealed record CaseMigrationOutcome(string InstanceId, bool Migrated, IReadOnlyList<string> Errors);
